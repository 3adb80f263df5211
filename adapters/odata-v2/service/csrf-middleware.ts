import { headerOf, type HttpRequest, type HttpResponse, type Transport, type TransportMiddleware } from '../../../src/sdk';

/** What a token fetch gave: the token (absent when the service sent none) and the session cookies. */
interface CsrfSession {
  token?: string;
  cookies: Map<string, string>;
}

/** Token sessions per runtime transport, then per service root and user: a runtime never sees another's token. */
const sessions = new WeakMap<Transport, Map<string, Promise<CsrfSession>>>();

const SAFE = new Set(['GET', 'HEAD']);

/**
 * SAP Gateway style CSRF protection: before the first modifying request to a service, fetch a token with
 * `X-CSRF-Token: Fetch` (HEAD, falling back to GET when HEAD fails or yields no token), keep every cookie the
 * fetch set, and send both with modifying requests. The token is cached per service (and user) for the
 * runtime; a `403` with `x-csrf-token: Required` drops it, fetches a new one and retries once.
 */
export function csrfMiddleware(runtimeTransport: Transport, serviceRoot: string, user: string): TransportMiddleware {
  let perRuntime = sessions.get(runtimeTransport);
  if (perRuntime === undefined) {
    perRuntime = new Map();
    sessions.set(runtimeTransport, perRuntime);
  }
  const cache = perRuntime;
  const key = `${serviceRoot}\u0000${user}`;
  return async (request, next) => {
    if (SAFE.has(request.method)) return next(request);
    const session = (): Promise<CsrfSession> => {
      let pending = cache.get(key);
      if (pending === undefined) {
        pending = fetchToken(serviceRoot, request, next);
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
      }
      return pending;
    };
    const first = await next(withSession(request, await session()));
    if (!isTokenRequired(first)) return remember(cache.get(key), first);
    cache.delete(key);
    return remember(cache.get(key), await next(withSession(request, await session())));
  };
}

function isTokenRequired(response: HttpResponse): boolean {
  return response.status === 403 && /^required$/i.test(headerOf(response, 'x-csrf-token') ?? '');
}

async function fetchToken(serviceRoot: string, request: HttpRequest, next: (r: HttpRequest) => Promise<HttpResponse>): Promise<CsrfSession> {
  const base = { url: serviceRoot, headers: { 'x-csrf-token': 'Fetch', ...pick(request.headers, 'authorization') } };
  let response = await next({ ...base, method: 'HEAD' });
  if (response.status >= 400 || headerOf(response, 'x-csrf-token') === undefined) {
    const viaGet = await next({ ...base, method: 'GET', headers: { ...base.headers, accept: 'application/json' } });
    if (headerOf(viaGet, 'x-csrf-token') !== undefined || headerOf(response, 'x-csrf-token') === undefined) response = viaGet;
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
async function remember(pending: Promise<CsrfSession> | undefined, response: HttpResponse): Promise<HttpResponse> {
  if (pending !== undefined && headerOf(response, 'set-cookie') !== undefined) readCookies(response, (await pending).cookies);
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
