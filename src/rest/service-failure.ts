import { isNestedTooDeep, MAX_JSON_DEPTH } from '../json/json-depth';
import { ConnectorError } from '../errors/connector-error';
import type { ServiceError } from '../odata/odata-error';
import { redactSecrets, sanitizeUrl } from '../transport/redact';
import type { HttpRequest, HttpResponse } from '../transport/transport';

/** A service's own error, as management APIs report it (code, message, request id). */
export interface ManagementServiceError extends ServiceError {
  readonly requestId?: string;
}

/**
 * Builds the HTTP_STATUS error of a management call the service refused: the status, the service's code,
 * message and request id, and a hint that says what to do (e.g. which permission is needed).
 */
export function serviceFailure(
  request: HttpRequest,
  response: HttpResponse,
  service: ManagementServiceError,
  hint?: string
): ConnectorError {
  const url = sanitizeUrl(request.url);
  const said = service.message === undefined || service.message === '' ? '' : `: ${service.message}`;
  const code = service.code === undefined ? '' : ` [${service.code}]`;
  const advice = hint === undefined ? '' : ` (${hint})`;
  return new ConnectorError(
    'HTTP_STATUS',
    `${request.method} ${url} answered ${response.status}${code}${said}${advice}`,
    {
      httpStatus: response.status,
      method: request.method,
      url,
      ...(service.code === undefined ? {} : { serviceCode: service.code }),
      ...(service.message === undefined ? {} : { serviceMessage: service.message }),
      ...(service.requestId === undefined ? {} : { extra: { RequestId: service.requestId } })
    }
  );
}

/** Returns a copy of an error with every secret replaced by '***' (message and details). */
export function redactError(error: ConnectorError, secrets: readonly string[]): ConnectorError {
  if (secrets.length === 0) return error;
  const r = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : redactSecrets(text, secrets);
  const d = error.details;
  const extra =
    d.extra === undefined
      ? undefined
      : Object.fromEntries(Object.entries(d.extra).map(([k, v]) => [k, redactSecrets(v, secrets)]));
  const details = Object.fromEntries(
    Object.entries({ ...d, url: r(d.url), serviceMessage: r(d.serviceMessage), target: r(d.target), extra }).filter(
      ([, v]) => v !== undefined
    )
  );
  return new ConnectorError(error.code, redactSecrets(error.message, secrets), details, { cause: error });
}

/** Parses a JSON body; throws RESPONSE_INVALID (with the request) when it is not JSON or nests too deep. */
export function parseJsonBody(request: HttpRequest, response: HttpResponse): unknown {
  const refuse = (why: string): ConnectorError => {
    const url = sanitizeUrl(request.url);
    const details = { httpStatus: response.status, method: request.method, url };
    return new ConnectorError(
      'RESPONSE_INVALID',
      `${request.method} ${url} answered ${response.status} ${why}`,
      details
    );
  };
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw refuse('with a body that is not JSON');
  }
  if (isNestedTooDeep(body)) throw refuse(`with JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return body;
}
