import { parseXml } from '../envelope/parse-xml';
import { childOf, childrenOf, type XmlElement } from '../envelope/xml-element';
import { ConnectorError } from '../errors/connector-error';
import { sanitizeUrl } from '../transport/redact';
import { headerOf, type HttpRequest, type HttpResponse } from '../transport/transport';
import { retryNoteOf } from './retry-note';

/** The service's own error code and message, as far as the body tells. */
export interface ServiceError {
  readonly code?: string;
  readonly message?: string;
  /** Further messages: SAP Gateway `innererror.errordetails`, V4 `details`; one line each. */
  readonly details?: readonly string[];
  /** SAP Gateway's `innererror.transactionid`, what an SAP administrator searches the error log for. */
  readonly transactionId?: string;
  /** The innererror's own messages, outermost first (WCF/.NET `innererror.message` and its `internalexception` chain). */
  readonly inner?: readonly string[];
}

/** Reads an OData error body: JSON `error` (V2 message `{lang,value}`), V3 `odata.error`, or XML `<error>`. */
export function parseODataError(body: string): ServiceError {
  const text = body.trim();
  try {
    if (text.startsWith('{')) return jsonError(JSON.parse(text) as Record<string, unknown>);
    if (text.startsWith('<')) return xmlError(parseXml(text));
  } catch {
    return {};
  }
  return text === '' ? {} : { message: text.slice(0, 500) };
}

function jsonError(json: Record<string, unknown>): ServiceError {
  const error = asRecord(json['error'] ?? json['odata.error']);
  if (error === undefined) return {};
  const { code, message } = error;
  const messageText =
    typeof message === 'string'
      ? message
      : message !== null && typeof message === 'object'
        ? String((message as Record<string, unknown>)['value'] ?? '')
        : undefined;
  const inner = asRecord(error['innererror']);
  return serviceError({
    code: code === undefined || code === null ? undefined : String(code),
    message: messageText,
    details: detailLines(inner?.['errordetails'] ?? error['details'], `${String(code)}\n${messageText ?? ''}`),
    transactionId: stringOf(inner?.['transactionid']),
    inner: typeof error['innererror'] === 'string' ? [error['innererror']] : jsonInnerMessages(inner)
  });
}

function xmlError(root: XmlElement): ServiceError {
  if (root.name !== 'error') return {};
  const inner = childOf(root, 'innererror');
  const details = inner === undefined ? [] : childrenOf(childOf(inner, 'errordetails') ?? inner, 'errordetail');
  return serviceError({
    code: childOf(root, 'code')?.text,
    message: childOf(root, 'message')?.text,
    details: details.flatMap(d =>
      detailLine(childOf(d, 'code')?.text, childOf(d, 'message')?.text, childOf(d, 'target')?.text)
    ),
    transactionId: inner && childOf(inner, 'transactionid')?.text,
    inner: xmlInnerMessages(inner)
  });
}

function serviceError(found: ServiceError & { details: readonly string[]; inner: readonly string[] }): ServiceError {
  const inner = [...new Set(found.inner.map(l => l.replace(/\r\n?/g, '\n')))];
  return {
    code: found.code,
    message: found.message,
    details: found.details.length === 0 ? undefined : found.details,
    transactionId: found.transactionId || undefined,
    inner: inner.length === 0 ? undefined : inner
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// A message as a string (Gateway errordetails, V4) or as V2's `{lang, value}` (CAP's V2 errordetails, innererror).
function messageOf(m: unknown): string | undefined {
  return stringOf(m) ?? stringOf(asRecord(m)?.['value']);
}

// `[code] message (target)` per detail. A detail that only repeats the error itself is left out (CAP V2 repeats
// every error as its one detail, targeted at its placeholder `/#TRANSIENT#`); with a target it says where.
function detailLines(value: unknown, error: string): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap(item => {
    const d = asRecord(item);
    const message = messageOf(d?.['message']);
    const target = stringOf(d?.['target']) === '/#TRANSIENT#' ? undefined : stringOf(d?.['target']);
    if (d === undefined || (target === undefined && `${String(d['code'])}\n${message ?? ''}` === error)) return [];
    return detailLine(stringOf(d['code']), message, target);
  });
}

function detailLine(code: string | undefined, message: string | undefined, target: string | undefined): string[] {
  return message ? [`${code ? `[${code}] ` : ''}${message}${target ? ` (${target})` : ''}`] : [];
}

// The message of the innererror and of each nested internalexception (stack traces left out: noise, and internal paths).
function jsonInnerMessages(inner: Record<string, unknown> | undefined): string[] {
  const lines: string[] = [];
  for (let e = inner; e !== undefined; e = asRecord(e['internalexception'])) {
    const text = messageOf(e['message']);
    if (text) lines.push(text);
  }
  return lines;
}

function xmlInnerMessages(inner: XmlElement | undefined): string[] {
  const lines: string[] = [];
  for (let e = inner; e !== undefined; e = childOf(e, 'internalexception')) {
    const text = childOf(e, 'message')?.text ?? (e === inner && e.children.length === 0 ? e.text : undefined);
    if (text?.trim()) lines.push(text.trim());
  }
  return lines;
}

const STATUS_HINTS: Readonly<Record<number, string>> = {
  401: 'authentication failed: give user and password, or token, or check the ones given',
  403: 'forbidden: the user lacks the permission for this request',
  404: 'not found',
  409: 'conflict',
  412: 'precondition failed: the ETag in If-Match no longer matches, the entity was changed by someone else; read it again',
  428: 'precondition required: the service needs an If-Match ETag for this change; read the entity first or pass etag',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout'
};

/**
 * Builds the HTTP_STATUS error for a non-success response, with the service's own code and message, and what
 * retrying did (attempts made, a write not sent again, a Retry-After not waited for).
 */
export function httpStatusError(
  request: HttpRequest,
  response: HttpResponse,
  service: ServiceError = parseODataError(response.body)
): ConnectorError {
  const url = sanitizeUrl(request.url);
  const location = response.status >= 300 && response.status < 400 ? headerOf(response, 'location') : undefined;
  const hint =
    location !== undefined
      ? `redirected to ${sanitizeUrl(location)}; redirects are not followed, so the credentials stay with the service: use the final URL as the service URL, or check the authentication`
      : (STATUS_HINTS[response.status] ?? 'request failed');
  const said = service.message ? `: ${service.message}` : '';
  const retried = retryNoteOf(response);
  const extra = Object.fromEntries([
    ...Object.entries(retried?.extra ?? {}),
    ...(service.details ?? []).map((line, i) => [`detail ${i + 1}`, line] as const),
    ...(service.inner ?? []).map((line, i) => [`innererror ${i + 1}`, line] as const),
    ...(service.transactionId === undefined ? [] : [['transactionId', service.transactionId] as const])
  ]);
  const note = retried === undefined ? '' : ` — ${retried.note}`;
  return new ConnectorError(
    'HTTP_STATUS',
    `${request.method} ${url} answered ${response.status} (${hint})${said}${note}`,
    {
      httpStatus: response.status,
      method: request.method,
      url,
      ...(service.code === undefined ? {} : { serviceCode: service.code }),
      ...(service.message === undefined ? {} : { serviceMessage: service.message }),
      ...(Object.keys(extra).length === 0 ? {} : { extra })
    }
  );
}

/** 2xx, or 304 for conditional reads. */
export function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 304;
}
