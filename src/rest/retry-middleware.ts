import type { TransportMiddleware } from '../transport/middleware';
import type { HttpResponse } from '../transport/transport';

/** How a {@link retryMiddleware} retries. Every wait is bounded; the number of retries is bounded. */
export interface RetryOptions {
  /** Retries after the first attempt (0 = never retry). */
  readonly maxRetries: number;
  /** First wait; doubles on each retry. */
  readonly baseDelayMs: number;
  /** Upper bound of one wait, also for a server's Retry-After (default 10 s). */
  readonly maxDelayMs?: number;
  /** Whether a response is a documented transient failure worth sending again. */
  shouldRetry(response: HttpResponse): boolean;
  /** Waits; injectable so tests never sleep for real. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told about every retry (for logging). */
  readonly onRetry?: (retry: number, response: HttpResponse, delayMs: number) => void;
}

/**
 * Returns the wait before retry number `retry` (1-based): exponential, capped, Retry-After (seconds or an
 * HTTP date, measured from `nowMs`) honoured within the cap.
 */
export function retryDelayMs(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  response?: HttpResponse,
  nowMs = Date.now()
): number {
  const cap = options.maxDelayMs ?? 10_000;
  const header = response?.headers['retry-after']?.trim() ?? '';
  const retryAfter = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - nowMs;
  if (Number.isFinite(retryAfter)) return Math.min(cap, Math.max(0, retryAfter));
  return Math.min(cap, options.baseDelayMs * 2 ** (retry - 1));
}

/**
 * Sends again while the response is a transient failure the vendor documents, at most `maxRetries` times.
 * Place it before signing middlewares so each attempt is signed afresh (new nonce and timestamp). Only
 * answered requests are retried: a request that got no answer is reported as it failed.
 */
export function retryMiddleware(options: RetryOptions): TransportMiddleware {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  return async (request, next) => {
    let response = await next(request);
    const earlier: number[] = [];
    while (earlier.length < options.maxRetries && options.shouldRetry(response)) {
      earlier.push(response.status);
      const delay = retryDelayMs(earlier.length, options, response);
      options.onRetry?.(earlier.length, response, delay);
      await sleep(delay);
      response = await next(request);
    }
    return earlier.length === 0 ? response : { ...response, attempts: earlier.length + 1, earlierStatuses: earlier };
  };
}

/** The advice for a final 429: how many attempts were made, and to retry later. */
export function throttledHint(response: HttpResponse): string | undefined {
  if (response.status !== 429) return undefined;
  const attempts = response.attempts;
  return `too many requests: ${attempts === undefined ? '' : `gave up after ${attempts} attempts with backoff; `}retry later`;
}
