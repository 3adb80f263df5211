import { throttledHint, type HttpResponse, type ManagementServiceError } from '../../src/sdk';

/**
 * Reads a Huawei Cloud error body: `{"error_code","error_msg","request_id"}` (services and API Gateway),
 * or `{"error":{"code","message"}}` (IAM). Anything else yields what it can (the text, cut short).
 */
export function parseHuaweiError(body: string): ManagementServiceError {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const nested =
      json['error'] !== null && typeof json['error'] === 'object'
        ? (json['error'] as Record<string, unknown>)
        : undefined;
    const code = json['error_code'] ?? nested?.['code'];
    const message = json['error_msg'] ?? nested?.['message'];
    const requestId = json['request_id'];
    return {
      ...(code === undefined ? {} : { code: String(code) }),
      ...(message === undefined ? {} : { message: String(message) }),
      ...(requestId === undefined ? {} : { requestId: String(requestId) })
    };
  } catch {
    const text = body.trim();
    return text === '' ? {} : { message: text.slice(0, 300) };
  }
}

/** What to do about an error status, in MRS terms. */
export function mrsStatusHint(response: HttpResponse): string | undefined {
  const status = response.status;
  if (status === 401)
    return 'authentication failed: check the IAM token, or the AK/SK pair and the clock used for X-Sdk-Date';
  if (status === 403)
    return 'forbidden: the IAM user lacks the MRS data-connection permission (e.g. mrs:dataConnector:updateInstance)';
  if (status === 404) return 'not found: check projectId, connectorId and the endpoint region';
  if (status === 429) return throttledHint(response);
  return undefined;
}
