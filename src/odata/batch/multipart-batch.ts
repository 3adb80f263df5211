import { createHash } from 'node:crypto';
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

type BoundaryOf = (kind: 'batch' | 'changeset') => string;

// An item with its parts serialised once: measured and sent as the same text.
interface EncodedItem {
  readonly request: BatchRequestItem;
  readonly parts: readonly string[];
}

const CRLF = '\r\n';

/**
 * Serializes batch items as `multipart/mixed` (OData V2/V4 multipart batch, CRLF line ends).
 * @param boundaryOf - Makes a boundary for 'batch' or 'changeset' (fixed in tests).
 * @returns The body and the request's Content-Type header value.
 */
export function buildBatchBody(
  items: readonly BatchRequestItem[],
  boundaryOf: (kind: 'batch' | 'changeset') => string
): { body: string; contentType: string } {
  return assemble(items.map(encode), boundaryOf);
}

/**
 * Serializes items, in order, as `$batch` bodies of at most maxBytes each (undefined: one body), never
 * dividing an item; one that alone needs more is refused with tooLarge before any body is built.
 */
export function buildBatchBodies<T>(
  items: readonly T[],
  requestOf: (item: T) => BatchRequestItem,
  maxBytes: number | undefined,
  tooLarge: (item: T, bytes: number, maxBytes: number) => Error
): Array<{ readonly items: T[]; readonly body: string; readonly contentType: string }> {
  const limit = maxBytes ?? Infinity;
  const groups: Array<{ items: T[]; encoded: EncodedItem[] }> = [];
  let group: (typeof groups)[number] | undefined;
  // Every boundary of a kind has the same length: a body's size is its closing delimiter plus its items' sizes.
  const sample = contentBoundaries([]);
  const [batch, changeset] = [sample('batch'), sample('changeset')];
  const closing = `--${batch}--${CRLF}`.length;
  let size = 0;
  for (const item of items) {
    const encoded = encode(requestOf(item));
    const bytes = encodedBytes(encoded, batch, changeset);
    if (closing + bytes > limit) throw tooLarge(item, closing + bytes, limit);
    if (group === undefined || size + bytes > limit) {
      group = { items: [], encoded: [] };
      groups.push(group);
      size = closing;
    }
    group.items.push(item);
    group.encoded.push(encoded);
    size += bytes;
  }
  return groups.map(g => ({
    items: g.items,
    ...assemble(g.encoded, contentBoundaries(g.encoded.map(e => e.request)))
  }));
}

// A hash of the items plus a counter: never in the parts, and the same batch gets the same bytes (recordings replay).
function contentBoundaries(items: readonly BatchRequestItem[]): BoundaryOf {
  const hash = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 24);
  let n = 0;
  return kind => `${kind}_${hash}_${String(++n).padStart(6, '0')}`;
}

function encode(request: BatchRequestItem): EncodedItem {
  return { request, parts: (request.kind === 'query' ? [request.part] : request.parts).map(httpPart) };
}

// The multipart text of an item around its parts: before them, before each part, after them.
function frame(kind: BatchRequestItem['kind'], batch: string, changeset: string): [string, string, string] {
  if (kind === 'query') return [`--${batch}${CRLF}`, '', ''];
  return [
    `--${batch}${CRLF}Content-Type: multipart/mixed; boundary=${changeset}${CRLF}${CRLF}`,
    `--${changeset}${CRLF}`,
    `--${changeset}--${CRLF}`
  ];
}

function encodedBytes({ request, parts }: EncodedItem, batch: string, changeset: string): number {
  const [head, each, tail] = frame(request.kind, batch, changeset);
  let bytes = head.length + tail.length;
  for (const part of parts) bytes += each.length + Buffer.byteLength(part, 'utf8');
  return bytes;
}

function assemble(items: readonly EncodedItem[], boundaryOf: BoundaryOf): { body: string; contentType: string } {
  const batch = boundaryOf('batch');
  let body = '';
  for (const { request, parts } of items) {
    const [head, each, tail] = frame(request.kind, batch, request.kind === 'query' ? '' : boundaryOf('changeset'));
    body += head;
    for (const part of parts) body += each + part;
    body += tail;
  }
  return { body: `${body}--${batch}--${CRLF}`, contentType: `multipart/mixed; boundary=${batch}` };
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
