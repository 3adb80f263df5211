import type { ConnectionContext } from '../connector/connector';
import { prepareHttpTransport } from '../connector/http-connection';
import type { ResolvedParams } from '../connector/param-spec';
import type { TransportMiddleware } from '../transport/middleware';
import { headerOf, type HttpRequest, type HttpResponse, type Transport } from '../transport/transport';
import { odataRetryMiddleware } from './odata-retry';
import { serviceRootOf } from './service';

/**
 * An OData connection's transport: timeout, the connector's middlewares, CSRF (unless false), retries of reads
 * (after CSRF, so the token fetch is retried too), `sap-client`, auth.
 */
export function prepareODataTransport(
  transport: Transport,
  params: ResolvedParams,
  connection: ConnectionContext,
  ...extra: readonly TransportMiddleware[]
): Transport {
  const { serviceUrl, csrf } = params;
  const url = String(serviceUrl);
  const session = csrf === false ? [] : [csrfMiddleware(connection, serviceRootOf(url))];
  const retries = odataRetryMiddleware(params, connection);
  return prepareHttpTransport(transport, params, ...extra, ...session, retries, serviceQueryMiddleware(url));
}

/** Adds the service URL's query (`sap-client=100`) to every request to its host that lacks the parameter. */
export function serviceQueryMiddleware(serviceUrl: string): TransportMiddleware {
  const query = /^[^?#]*\?([^#]*)/.exec(serviceUrl)?.[1] ?? '';
  const pairs = query.split('&').filter(p => p !== '');
  const host = hostOf(serviceUrl);
  return (request, next) => {
    if (hostOf(request.url) !== host) return next(request);
    const [path = '', existing = ''] = request.url.split(/\?(.*)/s);
    const names = new Set(existing.split('&').map(p => p.split('=')[0]));
    const added = pairs.filter(p => !names.has(p.split('=')[0]));
    if (added.length === 0) return next(request);
    return next({ ...request, url: `${path}?${[existing, ...added].filter(p => p !== '').join('&')}` });
  };
}

function hostOf(url: string): string {
  return /^\w+:\/\/([^/?#]*)/.exec(url)?.[1]?.toLowerCase() ?? '';
}

interface CsrfSession {
  readonly token: string | undefined;
  readonly cookies: Map<string, string>;
}

const SAFE = new Set(['GET', 'HEAD']);
type Next = Parameters<TransportMiddleware>[1];

/**
 * SAP Gateway CSRF: fetch a token (HEAD, else GET) before the first modifying request and send it with the fetch's
 * cookies; `403` + `x-csrf-token: Required` refetches and retries once. Cached per service root and credential.
 */
export function csrfMiddleware(connection: ConnectionContext, serviceRoot: string): TransportMiddleware {
  const { cache } = connection;
  const key = `csrf:${serviceRoot}\u0000${connection.identity}`;
  return async (request, next) => {
    if (SAFE.has(request.method)) return next(request);
    const session = (): Promise<CsrfSession> => cache.memo(key, () => fetchToken(serviceRoot, request, next));
    const current = await session();
    const first = await next(withSession(request, current));
    if (first.status !== 403 || !/^required$/i.test(headerOf(first, 'x-csrf-token') ?? ''))
      return remember(current, first);
    cache.delete(key);
    const renewed = await session();
    return remember(renewed, await next(withSession(request, renewed)));
  };
}

async function fetchToken(serviceRoot: string, request: HttpRequest, next: Next): Promise<CsrfSession> {
  const authorization = request.headers?.['authorization'];
  const headers = { 'x-csrf-token': 'Fetch', ...(authorization === undefined ? {} : { authorization }) };
  let response = await next({ url: serviceRoot, headers, method: 'HEAD' });
  if (response.status >= 400 || headerOf(response, 'x-csrf-token') === undefined) {
    const viaGet = await next({ url: serviceRoot, headers: { ...headers, accept: 'application/json' }, method: 'GET' });
    if (headerOf(viaGet, 'x-csrf-token') !== undefined || headerOf(response, 'x-csrf-token') === undefined)
      response = viaGet;
  }
  const token = headerOf(response, 'x-csrf-token');
  const sent = token === undefined || /^(required|fetch)$/i.test(token) ? undefined : token;
  return { token: sent, cookies: readCookies(response, new Map()) };
}

function withSession(request: HttpRequest, session: CsrfSession): HttpRequest {
  const headers: Record<string, string> = { ...request.headers };
  if (session.token !== undefined) headers['x-csrf-token'] = session.token;
  if (session.cookies.size > 0) {
    const jar = [...session.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    headers['cookie'] = headers['cookie'] === undefined ? jar : `${headers['cookie']}; ${jar}`;
  }
  return { ...request, headers };
}

/** Keeps cookies a later response sets (some stacks rotate the session cookie). */
function remember(session: CsrfSession, response: HttpResponse): HttpResponse {
  readCookies(response, session.cookies);
  return response;
}

function readCookies(response: HttpResponse, jar: Map<string, string>): Map<string, string> {
  for (const line of (headerOf(response, 'set-cookie') ?? '').split('\n')) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}
