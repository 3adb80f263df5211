import type { HttpRequest, HttpResponse, Transport } from './transport';

/** A step around sending: may change the request, retry, or look at the response. */
export type TransportMiddleware = (
  request: HttpRequest,
  next: (request: HttpRequest) => Promise<HttpResponse>
) => Promise<HttpResponse>;

/** Wraps a transport in middlewares; the first one listed sees the request first. */
export function composeTransport(transport: Transport, ...middlewares: readonly TransportMiddleware[]): Transport {
  const send = middlewares.reduceRight<(r: HttpRequest) => Promise<HttpResponse>>(
    (next, middleware) => request => middleware(request, next),
    request => transport.send(request)
  );
  return transport.identity === undefined ? { send } : { send, identity: () => transport.identity?.() };
}

/** Credentials for the standard auth schemes. */
export type HttpAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly user: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string };

/** Adds an Authorization header unless the request already carries one. */
export function authMiddleware(auth: HttpAuth): TransportMiddleware {
  const header =
    auth.kind === 'basic'
      ? `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`
      : auth.kind === 'bearer'
        ? `Bearer ${auth.token}`
        : undefined;
  return (request, next) =>
    header === undefined || request.headers?.['authorization'] !== undefined
      ? next(request)
      : next({ ...request, headers: { ...request.headers, authorization: header } });
}

/** The header value a credential produces, so redaction can find it in anything echoed back. */
export function authSecrets(auth: HttpAuth): string[] {
  if (auth.kind === 'basic') {
    return [auth.password, Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')];
  }
  return auth.kind === 'bearer' ? [auth.token] : [];
}
