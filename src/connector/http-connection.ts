import { DEFAULT_MAX_SOCKETS } from '../transport/agent-pool';
import { authMiddleware, composeTransport, type HttpAuth, type TransportMiddleware } from '../transport/middleware';
import { tlsOptionsOf } from '../transport/tls-options';
import type { HttpConnection, Transport } from '../transport/transport';
import type { ParamSpecs, ParamsOf, ResolvedParams } from './param-spec';

/** How every HTTP connector reaches its service: timeout, proxy, TLS and the socket bound. */
export const httpConnectionParams = {
  timeoutMs: {
    type: 'integer',
    default: '60000',
    min: 1,
    max: 3_600_000,
    description: 'Timeout per HTTP request in milliseconds'
  },
  proxy: {
    type: 'url',
    description:
      'HTTP proxy, e.g. http://user:password@proxy.example.com:3128 (the password is kept secret); used instead of HTTPS_PROXY/HTTP_PROXY, which apply when it is absent, NO_PROXY naming the hosts reached directly'
  },
  ca: {
    type: 'string',
    description:
      'PEM certificate(s) of CAs trusted besides the default ones: for a service whose certificate a private CA issued'
  },
  cert: {
    type: 'string',
    identity: true,
    description: 'PEM client certificate (chain), for a service that wants one; with key'
  },
  key: { type: 'string', secret: true, description: 'PEM private key of cert' },
  pfx: {
    type: 'string',
    secret: true,
    description: 'Client certificate and private key as a PKCS#12 bundle in base64 (instead of cert and key)'
  },
  passphrase: { type: 'string', secret: true, description: 'Passphrase of an encrypted key or pfx' },
  trustAll: {
    type: 'boolean',
    default: 'false',
    description:
      'Accept any server certificate without verifying it: UNSAFE, anyone on the way can read and change the traffic; for tests only, and warned about on every invocation'
  },
  maxSockets: {
    type: 'integer',
    default: String(DEFAULT_MAX_SOCKETS),
    min: 1,
    max: 1024,
    description: 'Most sockets open at once to the service; further requests wait for a free one'
  }
} as const satisfies ParamSpecs;

/** The connection parameters every HTTP connector with Basic/Bearer auth shares. */
export const httpAuthParams = {
  user: { type: 'string', identity: true, description: 'User for HTTP Basic authentication' },
  password: { type: 'string', secret: true, description: 'Password for HTTP Basic authentication' },
  token: {
    type: 'string',
    secret: true,
    description: 'Bearer token (OAuth access token); used instead of user/password'
  },
  ...httpConnectionParams
} as const satisfies ParamSpecs;

/** Reads the auth scheme from resolved {@link httpAuthParams}. */
export function httpAuthOf(params: ResolvedParams): HttpAuth {
  const { token, user, password } = authView(params);
  if (token !== undefined) return { kind: 'bearer', token };
  if (user !== undefined) return { kind: 'basic', user, password: password ?? '' };
  return { kind: 'none' };
}

/** The auth parameters of any connector that declares {@link httpAuthParams}, typed by those specs. */
function authView(params: ResolvedParams): Partial<ParamsOf<typeof httpAuthParams>> {
  const { token, user, password, timeoutMs } = params;
  return {
    ...(typeof token === 'string' ? { token } : {}),
    ...(typeof user === 'string' ? { user } : {}),
    ...(typeof password === 'string' ? { password } : {}),
    ...(typeof timeoutMs === 'number' ? { timeoutMs } : {})
  };
}

/** Sets the per-request timeout unless a request sets its own. */
export function timeoutMiddleware(timeoutMs: number): TransportMiddleware {
  return (request, next) => next(request.timeoutMs === undefined ? { ...request, timeoutMs } : request);
}

/**
 * Gives each request the connection of {@link httpConnectionParams} (proxy, TLS, socket bound) unless it
 * carries its own. The TLS options are checked here, so an unreadable PEM fails before anything is sent.
 */
export function connectionMiddleware(params: ResolvedParams): TransportMiddleware {
  const connection = connectionOf(params);
  tlsOptionsOf(connection);
  return (request, next) => next(request.connection === undefined ? { ...request, connection } : request);
}

/** The connection of resolved {@link httpConnectionParams}. */
export function connectionOf(params: ResolvedParams): HttpConnection {
  const text = (name: keyof typeof httpConnectionParams): { [name: string]: string } => {
    const value = params[name];
    return typeof value === 'string' ? { [name]: value } : {};
  };
  return {
    ...text('proxy'),
    ...text('ca'),
    ...text('cert'),
    ...text('key'),
    ...text('pfx'),
    ...text('passphrase'),
    ...(params.trustAll === true ? { trustAll: true } : {}),
    ...(typeof params.maxSockets === 'number' ? { maxSockets: params.maxSockets } : {})
  };
}

/** Wraps a transport with the timeout, connection and auth of {@link httpAuthParams}, then any extra middlewares. */
export function prepareHttpTransport(
  transport: Transport,
  params: ResolvedParams,
  ...extra: readonly TransportMiddleware[]
): Transport {
  const timeout = authView(params).timeoutMs ?? 60_000;
  return composeTransport(
    transport,
    timeoutMiddleware(timeout),
    ...extra,
    authMiddleware(httpAuthOf(params)),
    // innermost, so a request a middleware makes itself (a CSRF token fetch) goes the same way
    connectionMiddleware(params)
  );
}
