import type { ConnectionContext } from '../connector/connector';
import type { ParamSpecs, ParamsOf, ResolvedParams } from '../connector/param-spec';
import { ConnectorError, isConnectorError } from '../errors/connector-error';
import type { TransportMiddleware } from '../transport/middleware';
import { failureCode, retryMiddleware } from '../transport/retry-middleware';

/** The retry parameters both OData connectors declare (spread into their connection parameters). */
export const odataRetryParams = {
  maxRetries: {
    type: 'integer',
    default: '3',
    min: 0,
    max: 10,
    description:
      'Retries of a read (GET/HEAD: reads, each page, $metadata, the CSRF token fetch) answered 429, 502, 503 or 504 or cut off by a connection reset, with exponential backoff (full jitter from 500 ms) honouring Retry-After; 0: none. A write is never sent again: its outcome is reported unknown'
  },
  retryMaxDelayMs: {
    type: 'integer',
    default: '30000',
    min: 0,
    max: 3_600_000,
    description:
      'Longest wait before a retry; a Retry-After beyond it, or beyond the invocation deadline, is not waited for: the read fails saying when the service asked to be retried'
  }
} as const satisfies ParamSpecs;

/** What an OData read retries on: throttling and a gateway or service that is (for now) unavailable. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
const SAFE = new Set(['GET', 'HEAD']);
const RESETS = new Set(['ECONNRESET', 'EPIPE']);
const BASE_DELAY_MS = 500;

/** How the outcome of a write that may have reached the service is reported (as the management connectors do). */
export const UNKNOWN_OUTCOME =
  'the outcome is unknown: the request may have reached the service, so it was not sent again (sent once); check the service (read what it was to change) before resending';

/**
 * Retries reads (GET, HEAD) on {@link TRANSIENT_STATUSES} and connection resets, bounded by `maxRetries` and
 * `retryMaxDelayMs`; each page of a paged read is its own GET, so a read resumes at the page that failed. A write
 * is never sent again: a transient answer is marked `notResent: 'write'`, and a reset or timeout (it may have
 * reached the service) fails saying the outcome is unknown. Waits go through the runtime's abortable sleep.
 */
export function odataRetryMiddleware(params: ResolvedParams, connection: ConnectionContext): TransportMiddleware {
  const { maxRetries, retryMaxDelayMs } = retryView(params);
  const reads = retryMiddleware({
    maxRetries,
    baseDelayMs: BASE_DELAY_MS,
    maxDelayMs: retryMaxDelayMs,
    jitter: true,
    beyondCap: 'give-up',
    shouldRetry: response => TRANSIENT_STATUSES.has(response.status),
    retryError: error => RESETS.has(failureCode(error)),
    ...connection.retry
  });
  return async (request, next) => {
    if (SAFE.has(request.method)) return reads(request, next);
    try {
      const response = await next(request);
      return TRANSIENT_STATUSES.has(response.status) ? { ...response, notResent: 'write' } : response;
    } catch (error) {
      throw mayHaveReached(error) ? withUnknownOutcome(error) : error;
    }
  };
}

/** A reset or a timeout: the request may have reached the service. A refused connection or a DNS failure did not. */
function mayHaveReached(error: unknown): error is ConnectorError {
  return isConnectorError(error) && (error.code === 'TIMEOUT' || RESETS.has(failureCode(error)));
}

function withUnknownOutcome(error: ConnectorError): ConnectorError {
  const { details } = error;
  return new ConnectorError(
    error.code,
    `${error.message} — ${UNKNOWN_OUTCOME}`,
    { ...details, extra: { ...details.extra, Outcome: 'unknown', Attempts: '1' } },
    { cause: error }
  );
}

/** The retry parameters, defaulted for a connector that does not declare {@link odataRetryParams}. */
function retryView(params: ResolvedParams): ParamsOf<typeof odataRetryParams> {
  const { maxRetries, retryMaxDelayMs } = params;
  return {
    maxRetries: typeof maxRetries === 'number' ? maxRetries : Number(odataRetryParams.maxRetries.default),
    retryMaxDelayMs:
      typeof retryMaxDelayMs === 'number' ? retryMaxDelayMs : Number(odataRetryParams.retryMaxDelayMs.default)
  };
}
