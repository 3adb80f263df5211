import { parseXml, type HttpResponse, type ManagementServiceError, type XmlElement } from '../../src/sdk';
import { ConnectorError, isNestedTooDeep, MAX_JSON_DEPTH, setOwn } from '../../src/sdk';

/** Members whose XML form is a list (repeated elements), so a single entry still decodes to an array. */
const XML_LISTS = new Set([
  'Apis',
  'ApiList',
  'RegistrationErrorCodes',
  'RegistrationRequestParameters',
  'WizardRequestParameters',
  'WizardResponseParameters',
  'ScriptRequestParameters',
  'ScriptResponseParameters'
]);

function xmlToJson(e: XmlElement): unknown {
  if (e.children.length === 0) return e.text ?? '';
  const names = e.children.map(c => c.name);
  if (XML_LISTS.has(e.name) || (names.length > 1 && names.every(n => n === names[0]))) return e.children.map(xmlToJson);
  const out: Record<string, unknown> = {};
  for (const c of e.children) setOwn(out, c.name, xmlToJson(c));
  return out;
}

/**
 * Decodes an Alibaba Cloud API response body, JSON or XML (`<ActionResponse>` or `<Error>`), into a plain
 * object. XML leaves stay strings. Returns undefined when the body is neither.
 */
export function decodeAlibabaBody(response: Pick<HttpResponse, 'body'>): Record<string, unknown> | undefined {
  const text = response.body.trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (isNestedTooDeep(parsed))
      throw new ConnectorError('RESPONSE_INVALID', `The response nests JSON deeper than ${MAX_JSON_DEPTH} levels`);
    return parsed as Record<string, unknown>;
  }
  if (text.startsWith('<')) {
    try {
      const value = xmlToJson(parseXml(text));
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** The service's error: DataWorks `ErrorCode`/`ErrorMessage`, or the gateway's `Code`/`Message`; and `RequestId`. */
export function alibabaErrorOf(body: Record<string, unknown> | undefined): ManagementServiceError {
  const code = str(body?.['ErrorCode']) ?? str(body?.['Code']);
  const message = str(body?.['ErrorMessage']) ?? str(body?.['Message']);
  const requestId = str(body?.['RequestId']);
  return {
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
    ...(requestId === undefined ? {} : { requestId })
  };
}

/**
 * Whether a response is a success: a 2xx whose `Success` is not false. When `Success` is present it decides
 * (the documented sample success carries an ErrorCode next to `Success: true`); without it, an error code fails.
 */
export function isAlibabaSuccess(response: HttpResponse, body: Record<string, unknown> | undefined): boolean {
  if (response.status < 200 || response.status >= 300 || body === undefined) return false;
  const success = body['Success'];
  if (success !== undefined) return String(success) === 'true';
  return alibabaErrorOf(body).code === undefined;
}

/** The transient failures Alibaba documents as safe to retry: Throttling.* (429), InternalError.* (500), ServiceUnavailable (503). */
export function isRetryableAlibabaResponse(response: HttpResponse): boolean {
  if (response.status === 503) return true;
  if (response.status !== 429 && response.status < 500) return false;
  const code = alibabaErrorOf(decodeAlibabaBody(response)).code ?? '';
  return /^(Throttling|InternalError|ServiceUnavailable)/.test(code);
}

/** Throttling (429 Throttling.*): the gateway refused the request before DataWorks acted, so even a create may be sent again. */
export function isThrottledAlibabaResponse(response: HttpResponse): boolean {
  return response.status === 429 && /^Throttling/.test(alibabaErrorOf(decodeAlibabaBody(response)).code ?? '');
}
