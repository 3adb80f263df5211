import type { ConnectionContext } from '../connector/connector';
import type { TransportMiddleware } from '../transport/middleware';
import { headerOf, type HttpRequest, type HttpResponse } from '../transport/transport';

/** What a token fetch gave: the token (absent when the service sent none) and the session cookies. */
interface CsrfSession {
  token?: string;
  cookies: Map<string, string>;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * SAP Gateway style CSRF protection: before the first modifying request to a service, fetch a token with
 * `X-CSRF-Token: Fetch` (HEAD, falling back to GET when HEAD fails or yields no token), keep every cookie the
 * fetch set, and send both with modifying requests. The token is cached per service (and user) for the
 * runtime (in its cache, so one runtime never sees another's token); a `403` with `x-csrf-token: Required`
 * drops it, fetches a new one and retries once.
 * @param connection - The runtime's cache, and the keyed hash of the credential in use: a token and its cookies
 *   belong to the session that credential opened, and are never handed to a call with another one.
 * @param serviceRoot - The service root URL the token is fetched from.
 */
export function csrfMiddleware(connection: ConnectionContext, serviceRoot: string): TransportMiddleware {
  const { cache } = connection;
  const key = `csrf:${serviceRoot}\u0000${connection.identity}`;
  return async (request, next) => {
    if (SAFE.has(request.method)) return next(request);
    const session = (): Promise<CsrfSession> => cache.memo(key, () => fetchToken(serviceRoot, request, next));
    const current = await session();
    const first = await next(withSession(request, current));
    if (!isTokenRequired(first)) return remember(current, first);
    cache.delete(key);
    const renewed = await session();
    return remember(renewed, await next(withSession(request, renewed)));
  };
}

function isTokenRequired(response: HttpResponse): boolean {
  return response.status === 403 && /^required$/i.test(headerOf(response, 'x-csrf-token') ?? '');
}

async function fetchToken(
  serviceRoot: string,
  request: HttpRequest,
  next: (r: HttpRequest) => Promise<HttpResponse>
): Promise<CsrfSession> {
  const base = { url: serviceRoot, headers: { 'x-csrf-token': 'Fetch', ...pick(request.headers, 'authorization') } };
  let response = await next({ ...base, method: 'HEAD' });
  if (response.status >= 400 || headerOf(response, 'x-csrf-token') === undefined) {
    const viaGet = await next({ ...base, method: 'GET', headers: { ...base.headers, accept: 'application/json' } });
    if (headerOf(viaGet, 'x-csrf-token') !== undefined || headerOf(response, 'x-csrf-token') === undefined)
      response = viaGet;
  }
  const token = headerOf(response, 'x-csrf-token');
  const session: CsrfSession = { cookies: new Map() };
  if (token !== undefined && !/^(required|fetch)$/i.test(token)) session.token = token;
  readCookies(response, session.cookies);
  return session;
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
  if (headerOf(response, 'set-cookie') !== undefined) readCookies(response, session.cookies);
  return response;
}

function readCookies(response: HttpResponse, jar: Map<string, string>): void {
  for (const line of (headerOf(response, 'set-cookie') ?? '').split('\n')) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function pick(headers: Readonly<Record<string, string>> | undefined, name: string): Record<string, string> {
  const value = headers?.[name];
  return value === undefined ? {} : { [name]: value };
}
