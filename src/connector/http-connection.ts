import { authMiddleware, composeTransport, type HttpAuth, type TransportMiddleware } from '../transport/middleware';
import type { Transport } from '../transport/transport';
import type { ParamSpecs, ParamsOf, ResolvedParams } from './param-spec';

/** The connection parameters every HTTP connector with Basic/Bearer auth shares. */
export const httpAuthParams = {
  user: { type: 'string', identity: true, description: 'User for HTTP Basic authentication' },
  password: { type: 'string', secret: true, description: 'Password for HTTP Basic authentication' },
  token: {
    type: 'string',
    secret: true,
    description: 'Bearer token (OAuth access token); used instead of user/password'
  },
  timeoutMs: {
    type: 'integer',
    default: '60000',
    min: 1,
    max: 3_600_000,
    description: 'Timeout per HTTP request in milliseconds'
  }
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

/** Wraps a transport with the auth and timeout given by {@link httpAuthParams}, then any extra middlewares. */
export function prepareHttpTransport(
  transport: Transport,
  params: ResolvedParams,
  ...extra: readonly TransportMiddleware[]
): Transport {
  const timeout = authView(params).timeoutMs ?? 60_000;
  return composeTransport(transport, timeoutMiddleware(timeout), ...extra, authMiddleware(httpAuthOf(params)));
}
