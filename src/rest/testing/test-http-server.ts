import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '../../transport/transport';

/** A request as a test server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly rawUrl: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request as a server would receive it, from the transport's request (to run a replay's requests through a stand-in's checks). */
export function receivedRequestOf(request: HttpRequest): ReceivedRequest {
  const u = new URL(request.url);
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body
        : Buffer.from(request.body).toString('utf8');
  return {
    method: request.method,
    rawUrl: `${u.pathname}${u.search}`,
    path: u.pathname,
    query: u.searchParams,
    headers: { host: u.host, ...request.headers },
    body
  };
}

/** What a test server answers. */
export interface TestResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON. */
  readonly body?: unknown;
}

/** Stand-in behaviour a test can steer: answer this many requests with 429 first. */
export interface ThrottleState {
  throttleNext: number;
}

/** A local HTTP server standing in for a vendor API in tests. */
export interface TestHttpServer {
  readonly url: string;
  readonly received: ReceivedRequest[];
  stop(): Promise<void>;
}

/** Starts a server on a free local port; `handle` checks each request as the real service would, and answers. */
export async function startTestHttpServer(handle: (request: ReceivedRequest) => TestResponse): Promise<TestHttpServer> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawUrl = req.url ?? '/';
      const u = new URL(rawUrl, 'http://local');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k.toLowerCase(),
          Array.isArray(v) ? v.join(', ') : String(v ?? '')
        ])
      );
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        rawUrl,
        path: u.pathname,
        query: u.searchParams,
        headers,
        body: Buffer.concat(chunks).toString('utf8')
      };
      received.push(request);
      let answer: TestResponse;
      try {
        answer = handle(request);
      } catch (error) {
        answer = {
          status: 500,
          body: { error: `test server: ${error instanceof Error ? error.message : String(error)}` }
        };
      }
      const isText = typeof answer.body === 'string';
      const body = answer.body === undefined ? '' : isText ? String(answer.body) : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(answer.body === undefined || isText ? {} : { 'content-type': 'application/json' }),
        ...answer.headers
      });
      res.end(body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve, reject) => server.close(e => (e ? reject(e) : resolve())))
  };
}
