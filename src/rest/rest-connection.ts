import type { Connector, InvocationConnection } from '../connector/connector';
import {
  connectionMiddleware,
  httpAuthOf,
  httpConnectionParams,
  timeoutMiddleware
} from '../connector/http-connection';
import type { ParamSpecs, ParamsOf, ResolvedParams } from '../connector/param-spec';
import { authMiddleware, composeTransport, type TransportMiddleware } from '../transport/middleware';
import type { HttpResponse, Transport } from '../transport/transport';
import type { ManagementServiceError } from './service-failure';
import { retryMiddleware } from '../transport/retry-middleware';

/**
 * How a connection authenticates, declared by kind:
 * - `http`: Basic (`user`/`password`) or Bearer (`token`) from the shared HTTP auth parameters;
 * - `signed`: a signing middleware of the vendor's scheme, run on every attempt (fresh date and nonce).
 */
export type RestAuth<Params> =
  | { readonly kind: 'http' }
  | { readonly kind: 'signed'; sign(params: Params, call: InvocationConnection): TransportMiddleware };

/** Which answers a connection sends again (bounded by the `maxRetries` and `retryBaseDelayMs` parameters). */
export interface RestRetry {
  /** Answers refused before the service acted (a 429): retried for every operation, a create included. */
  readonly refused: (response: HttpResponse) => boolean;
  /** Documented transient failures the service may have acted on: retried for idempotent operations only. */
  readonly transient?: (response: HttpResponse) => boolean;
  /** Waits between attempts; tests pass one that does not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Where a REST connector's operations send to and how, as data: the parameter that holds the base URL, the
 * auth kind, what is retried, how the service reports an error and what to advise for an error status.
 */
export interface RestConnection<Params> {
  /** The parameter holding the base URL the path templates are appended to. */
  readonly baseUrl: keyof Params & string;
  readonly auth: RestAuth<Params>;
  readonly retry: RestRetry;
  /** Reads the service's own error (code, message, request id) from an error body. */
  readonly serviceError: (body: string) => ManagementServiceError;
  /** Advice for an error status every operation shares (401, 403, 404, 429). */
  readonly hint?: (response: HttpResponse) => string | undefined;
  /** Rules across connection parameters (one complete auth scheme), checked before anything is sent. */
  readonly check?: (params: Params) => void;
}

/** The parameters a REST connection reads besides its own: timeout, proxy, TLS, socket bound and bounded retries. */
export function restConnectionParams(retried: string) {
  return {
    ...httpConnectionParams,
    maxRetries: { type: 'integer', default: '3', min: 0, max: 5, description: `Retries of ${retried}` },
    retryBaseDelayMs: {
      type: 'integer',
      default: '500',
      min: 0,
      max: 10_000,
      description:
        'First backoff wait; doubles per retry, each wait at most 10 s (a Retry-After within that is honoured)'
    }
  } as const satisfies ParamSpecs;
}

/**
 * The transport of one invocation: timeout and connection, then bounded retries (an operation that must not run twice only
 * where the service refused before acting), then auth, so each attempt is signed afresh.
 */
export function restTransport<Params>(connection: RestConnection<Params>): NonNullable<Connector['prepareTransport']> {
  return (transport: Transport, resolved: ResolvedParams, call: InvocationConnection): Transport => {
    // The runtime resolved these against the connector's specs, which include restConnectionParams.
    const params = resolved as unknown as Params & ParamsOf<ReturnType<typeof restConnectionParams>>;
    const { refused, transient, sleep } = connection.retry;
    const retryable =
      call.idempotent && transient !== undefined ? (r: HttpResponse) => refused(r) || transient(r) : refused;
    const auth =
      connection.auth.kind === 'http' ? authMiddleware(httpAuthOf(resolved)) : connection.auth.sign(params, call);
    return composeTransport(
      transport,
      timeoutMiddleware(params.timeoutMs),
      retryMiddleware({
        maxRetries: params.maxRetries,
        baseDelayMs: params.retryBaseDelayMs,
        maxDelayMs: 10_000,
        shouldRetry: retryable,
        // the runtime's abortable waits, log line and count; a connection's own sleep (tests) wins
        ...call.retry,
        ...(sleep === undefined ? {} : { sleep })
      }),
      auth,
      connectionMiddleware(resolved)
    );
  };
}
