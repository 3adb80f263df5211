import { ConnectorError } from '../errors/connector-error';
import { isJsonContentType, type Json, type RecordedExchange } from './exchange';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** A transport that answers from recorded exchanges, with the network locked. */
export interface FixtureTransport extends Transport {
  /** Requests that matched no recorded exchange (each also failed the call). */
  readonly unmatched: readonly string[];
  /** Recorded exchanges never requested, as "METHOD url". */
  unused(): string[];
}

/**
 * Replays recorded exchanges. A request matches the first unused exchange with the same method, URL,
 * the recorded headers (values compared unless recorded as '***') and the recorded body (JSON compared
 * structurally, text compared after normalising line ends and multipart boundaries).
 */
export function createFixtureTransport(exchanges: readonly RecordedExchange[]): FixtureTransport {
  const used = new Array<boolean>(exchanges.length).fill(false);
  const unmatched: string[] = [];
  return {
    unmatched,
    unused: () => exchanges.filter((_, i) => !used[i]).map(e => `${e.request.method} ${e.request.url}`),
    async send(request: HttpRequest): Promise<HttpResponse> {
      const index = exchanges.findIndex((e, i) => !used[i] && matches(e, request));
      const exchange = exchanges[index];
      if (exchange === undefined) {
        const text = `${request.method} ${request.url}`;
        unmatched.push(text);
        throw new ConnectorError('TRANSPORT', `No recorded exchange matches ${text} (network is locked in replay)`);
      }
      used[index] = true;
      return toResponse(exchange);
    }
  };
}

function matches(exchange: RecordedExchange, request: HttpRequest): boolean {
  const r = exchange.request;
  if (r.method !== request.method || r.url !== request.url) return false;
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    const actual = request.headers?.[name];
    if (actual === undefined || (value !== '***' && value !== actual)) return false;
  }
  if (r.body === undefined) return true;
  return bodyEquals(r.body, request.body, request.headers?.['content-type']);
}

function bodyEquals(recorded: Json, actual: string | Uint8Array | undefined, contentType: string | undefined): boolean {
  const text = actual === undefined ? '' : typeof actual === 'string' ? actual : Buffer.from(actual).toString('utf8');
  if (typeof recorded !== 'string' || isJsonContentType(contentType)) {
    try {
      return JSON.stringify(sortKeys(JSON.parse(text) as Json)) === JSON.stringify(sortKeys(recorded));
    } catch {
      return false;
    }
  }
  return normalizeText(recorded) === normalizeText(text);
}

// Boundaries are random per request; compare multipart bodies with them blanked out.
function normalizeText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/(boundary=|--)(batch|changeset)_[\w-]+/g, '$1$2_X');
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sortKeys(value[k] as Json)])
    );
  }
  return value;
}

function toResponse(exchange: RecordedExchange): HttpResponse {
  const { status, headers = {}, body, bodyBase64 } = exchange.response;
  if (bodyBase64 !== undefined) {
    const bytes = new Uint8Array(Buffer.from(bodyBase64, 'base64'));
    return { status, headers, body: bodyBase64, bytes };
  }
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, body: text };
}
