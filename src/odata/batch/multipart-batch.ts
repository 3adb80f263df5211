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

export interface BatchResponsePart {
  readonly status: number;
  readonly statusText: string;
  /** Lower-case names; MIME part headers and HTTP headers merged (Content-ID may be in either). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentId?: string;
}

/** A single response, or the responses of a changeset (one error part when it failed as a whole). */
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

/** Serializes batch items as `multipart/mixed` (CRLF line ends); tests fix the boundaries with `boundaryOf`. */
export function buildBatchBody(
  items: readonly BatchRequestItem[],
  boundaryOf: (kind: 'batch' | 'changeset') => string
): { body: string; contentType: string } {
  return assemble(items.map(encode), boundaryOf);
}

/** Items in order as `$batch` bodies of at most maxBytes, never divided; one too large alone is refused (tooLarge). */
export function buildBatchBodies<T>(
  items: readonly T[],
  requestOf: (item: T) => BatchRequestItem,
  maxBytes: number | undefined,
  tooLarge: (item: T, bytes: number, maxBytes: number) => Error
): Array<{ readonly items: T[]; readonly body: string; readonly contentType: string }> {
  const limit = maxBytes ?? Infinity;
  // Every boundary of a kind has the same length: a body's size is its closing delimiter plus its items' sizes.
  const sample = contentBoundaries([]);
  const [batch, changeset] = [sample('batch'), sample('changeset')];
  const closing = `--${batch}--${CRLF}`.length;
  const groups: Array<{ items: T[]; encoded: EncodedItem[]; size: number }> = [];
  for (const item of items) {
    const encoded = encode(requestOf(item));
    const bytes = Buffer.byteLength(itemText(encoded, batch, changeset), 'utf8');
    if (closing + bytes > limit) throw tooLarge(item, closing + bytes, limit);
    const last = groups[groups.length - 1];
    const group = last !== undefined && last.size + bytes <= limit ? last : { items: [], encoded: [], size: closing };
    if (group !== last) groups.push(group);
    group.items.push(item);
    group.encoded.push(encoded);
    group.size += bytes;
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

function assemble(items: readonly EncodedItem[], boundaryOf: BoundaryOf): { body: string; contentType: string } {
  const batch = boundaryOf('batch');
  const texts = items.map(item => itemText(item, batch, item.request.kind === 'query' ? '' : boundaryOf('changeset')));
  return { body: `${texts.join('')}--${batch}--${CRLF}`, contentType: `multipart/mixed; boundary=${batch}` };
}

// A query part goes straight into the batch; a changeset's parts go inside a multipart of their own.
function itemText({ request, parts }: EncodedItem, batch: string, changeset: string): string {
  if (request.kind === 'query') return `--${batch}${CRLF}${parts.join('')}`;
  const head = `--${batch}${CRLF}Content-Type: multipart/mixed; boundary=${changeset}${CRLF}${CRLF}`;
  return `${head}${parts.map(part => `--${changeset}${CRLF}${part}`).join('')}--${changeset}--${CRLF}`;
}

function httpPart({ method, url, headers, body, contentId }: BatchRequestPart): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (contentId !== undefined) lines.push(`Content-ID: ${contentId}`);
  lines.push('', `${method} ${url} HTTP/1.1`, ...Object.entries(headers ?? {}).map(([n, v]) => `${n}: ${v}`));
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
  return `${lines.join(CRLF)}${CRLF}${CRLF}${body ?? ''}${CRLF}`;
}

export function boundaryOfContentType(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2];
}

/** Parses a `multipart/mixed` batch response (LF-only line ends, preamble, epilogue); else RESPONSE_INVALID. */
export function parseBatchResponse(body: string, contentType: string | undefined): BatchResponseItem[] {
  const boundary = boundaryOfContentType(contentType) ?? /^\s*--([^\r\n]+)/.exec(body)?.[1]?.trim();
  if (boundary === undefined)
    throw invalid(`The $batch response has no multipart boundary (Content-Type "${contentType ?? ''}")`);
  return splitParts(body, boundary).map(raw => {
    const { headers, content } = splitHeaders(raw);
    const inner = boundaryOfContentType(headers['content-type']);
    if (/^multipart\/mixed/i.test(headers['content-type'] ?? '') && inner !== undefined) {
      return { kind: 'changeset', parts: splitParts(content, inner).map(parseHttpPart) };
    }
    return { kind: 'single', part: parseHttpPart(raw) };
  });
}

function invalid(message: string): ConnectorError {
  return new ConnectorError('RESPONSE_INVALID', message);
}

function splitParts(body: string, boundary: string): string[] {
  const [, ...pieces] = body.split(`--${boundary}`);
  if (pieces.length === 0) throw invalid(`The $batch response does not contain the boundary "${boundary}"`);
  const closing = pieces.findIndex(piece => piece.startsWith('--')); // the rest is epilogue
  const parts = closing < 0 ? pieces : pieces.slice(0, closing);
  return parts.map(part => part.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, ''));
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
  if (statusLine === null) throw invalid(`A $batch response part has no HTTP status line: ${lines.slice(0, 80)}`);
  const http = splitHeaders(lines.slice(statusLine[0].length));
  return {
    status: Number(statusLine[1]),
    statusText: (statusLine[2] ?? '').trim(),
    headers: { ...mime.headers, ...http.headers },
    body: http.content.replace(/\r?\n$/, ''),
    contentId: http.headers['content-id'] ?? mime.headers['content-id']
  };
}
