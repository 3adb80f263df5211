import { ConnectorError } from '../../../src/errors/connector-error';
import type { RecordedExchange } from '../../../src/transport/exchange';
import type { HttpRequest, HttpResponse, Transport } from '../../../src/transport/transport';

/** What the fuzzing service does to the answer of one request. */
export const FAULTS = [
  'none',
  'reset', // the connection drops before an answer
  'timeout',
  'status400',
  'status404',
  'status500',
  'html', // a login page with 200
  'truncate', // the body cut at a random point
  'empty', // 200 with no body
  'junk', // the body replaced by bytes of another format
  'deep' // JSON nested thousands deep
] as const;
export type Fault = (typeof FAULTS)[number];

/** A request the fuzzing service saw. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
}

/**
 * A lenient stand-in for the service of a recorded case: a request gets the recorded answer of the same method and
 * URL, else of the same method and path, else of the same method, else a 404 OData error; then the fault planned
 * for its position applies. It never throws anything but the connector errors a real transport throws.
 */
export function createFuzzTransport(
  exchanges: readonly RecordedExchange[],
  faults: readonly Fault[],
  cut: number
): { transport: Transport; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const transport: Transport = {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const fault = faults[seen.length] ?? 'none';
      seen.push({ method: request.method, url: request.url });
      if (fault === 'reset') throw new ConnectorError('TRANSPORT', `socket hang up (${request.method} ${request.url})`);
      if (fault === 'timeout')
        throw new ConnectorError('TIMEOUT', `${request.method} ${request.url} timed out`, { url: request.url });
      return withFault(answerOf(exchanges, request), fault, cut);
    }
  };
  return { transport, seen };
}

function answerOf(exchanges: readonly RecordedExchange[], request: HttpRequest): HttpResponse {
  const path = (url: string): string => url.split('?')[0] ?? url;
  const sameMethod = exchanges.filter(e => e.request.method === request.method);
  const exchange =
    sameMethod.find(e => e.request.url === request.url) ??
    sameMethod.find(e => path(e.request.url) === path(request.url)) ??
    sameMethod[0];
  if (exchange === undefined) {
    const body = JSON.stringify({ error: { code: '404', message: `No resource at ${request.url}` } });
    return { status: 404, headers: { 'content-type': 'application/json' }, body };
  }
  const { status, headers = {}, body, bodyBase64 } = exchange.response;
  if (bodyBase64 !== undefined)
    return { status, headers, body: bodyBase64, bytes: new Uint8Array(Buffer.from(bodyBase64, 'base64')) };
  return { status, headers, body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) };
}

function withFault(response: HttpResponse, fault: Fault, cut: number): HttpResponse {
  const json = { 'content-type': 'application/json' };
  switch (fault) {
    case 'status400':
    case 'status404':
    case 'status500': {
      const status = Number(fault.slice(6));
      return { status, headers: json, body: JSON.stringify({ error: { code: String(status), message: 'refused' } }) };
    }
    case 'html':
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Sign in</body></html>' };
    case 'truncate':
      return { ...response, body: response.body.slice(0, cut % (response.body.length + 1)), bytes: undefined };
    case 'empty':
      return { status: 200, headers: response.headers, body: '' };
    case 'junk':
      return { ...response, body: response.body.startsWith('{') ? `<x>${response.body}` : `{"x":${response.body}` };
    case 'deep':
      return { status: 200, headers: json, body: `{"value":${'['.repeat(5000)}${']'.repeat(5000)}}` };
    default:
      return response;
  }
}
