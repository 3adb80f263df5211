import { ConnectorError } from '../../errors/connector-error';

/** One request inside a `$batch`: a relative URL (to the service root) and its own headers. */
export interface BatchRequestPart {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Written as the MIME part's `Content-ID` header (V2 changesets: `$<id>` references). */
  readonly contentId?: string;
}

/** A top-level batch item: a query (retrieve) part or a changeset of modifying parts. */
export type BatchRequestItem =
  | { readonly kind: 'query'; readonly part: BatchRequestPart }
  | { readonly kind: 'changeset'; readonly parts: readonly BatchRequestPart[] };

/** One HTTP response inside a batch response. */
export interface BatchResponsePart {
  readonly status: number;
  readonly statusText: string;
  /** Lower-case names; MIME part headers and HTTP headers merged (Content-ID may be in either). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentId?: string;
}

/** A top-level response item: a single response, or the responses of a changeset (one error part when it failed as a whole). */
export type BatchResponseItem =
  | { readonly kind: 'single'; readonly part: BatchResponsePart }
  | { readonly kind: 'changeset'; readonly parts: readonly BatchResponsePart[] };

const CRLF = '\r\n';

/**
 * Serializes batch items as `multipart/mixed` (OData V2/V4 multipart batch, CRLF line ends).
 * @param boundaryOf - Makes a boundary for 'batch' or 'changeset' (random in production, fixed in tests).
 * @returns The body and the request's Content-Type header value.
 */
export function buildBatchBody(
  items: readonly BatchRequestItem[],
  boundaryOf: (kind: 'batch' | 'changeset') => string
): { body: string; contentType: string } {
  const batch = boundaryOf('batch');
  let body = '';
  for (const item of items) {
    body += `--${batch}${CRLF}`;
    if (item.kind === 'query') {
      body += httpPart(item.part);
    } else {
      const changeset = boundaryOf('changeset');
      body += `Content-Type: multipart/mixed; boundary=${changeset}${CRLF}${CRLF}`;
      for (const part of item.parts) body += `--${changeset}${CRLF}${httpPart(part)}`;
      body += `--${changeset}--${CRLF}`;
    }
  }
  body += `--${batch}--${CRLF}`;
  return { body, contentType: `multipart/mixed; boundary=${batch}` };
}

function httpPart(part: BatchRequestPart): string {
  let text = `Content-Type: application/http${CRLF}Content-Transfer-Encoding: binary${CRLF}`;
  if (part.contentId !== undefined) text += `Content-ID: ${part.contentId}${CRLF}`;
  text += `${CRLF}${part.method} ${part.url} HTTP/1.1${CRLF}`;
  for (const [name, value] of Object.entries(part.headers ?? {})) text += `${name}: ${value}${CRLF}`;
  if (part.body !== undefined) text += `Content-Length: ${Buffer.byteLength(part.body, 'utf8')}${CRLF}`;
  text += CRLF;
  if (part.body !== undefined) text += part.body;
  return `${text}${CRLF}`;
}

/** Returns the boundary parameter of a multipart Content-Type, or undefined. */
export function boundaryOfContentType(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2];
}

/**
 * Parses a `multipart/mixed` batch response (lenient about LF-only line ends, preamble and epilogue).
 * Throws RESPONSE_INVALID when the body is not a multipart document with that boundary.
 */
export function parseBatchResponse(body: string, contentType: string | undefined): BatchResponseItem[] {
  const boundary = boundaryOfContentType(contentType) ?? /^\s*--([^\r\n]+)/.exec(body)?.[1]?.trim();
  if (boundary === undefined)
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `The $batch response has no multipart boundary (Content-Type "${contentType ?? ''}")`
    );
  return splitParts(body, boundary).map(raw => {
    const { headers, content } = splitHeaders(raw);
    const inner = boundaryOfContentType(headers['content-type']);
    if (/^multipart\/mixed/i.test(headers['content-type'] ?? '') && inner !== undefined) {
      return { kind: 'changeset', parts: splitParts(content, inner).map(p => parseHttpPart(p)) };
    }
    return { kind: 'single', part: parseHttpPart(raw) };
  });
}

function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  if (pieces.length < 2)
    throw new ConnectorError('RESPONSE_INVALID', `The $batch response does not contain the boundary "${boundary}"`);
  const parts: string[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break; // closing delimiter; the rest is epilogue
    parts.push(piece.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return parts;
}

function splitHeaders(text: string): { headers: Record<string, string>; content: string } {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m === null ? text : text.slice(0, m.index);
  const content = m === null ? '' : text.slice(m.index + m[0].length);
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, content };
}

function parseHttpPart(raw: string): BatchResponsePart {
  const mime = splitHeaders(raw);
  const lines = mime.content.replace(/^\s+/, '');
  const statusLine = /^HTTP\/\d\.\d\s+(\d{3})\s*([^\r\n]*)\r?\n?/.exec(lines);
  if (statusLine === null)
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `A $batch response part has no HTTP status line: ${lines.slice(0, 80)}`
    );
  const http = splitHeaders(lines.slice(statusLine[0].length));
  const headers = { ...mime.headers, ...http.headers };
  const contentId = http.headers['content-id'] ?? mime.headers['content-id'];
  return {
    status: Number(statusLine[1]),
    statusText: (statusLine[2] ?? '').trim(),
    headers,
    body: http.content.replace(/\r?\n$/, ''),
    ...(contentId === undefined ? {} : { contentId })
  };
}
