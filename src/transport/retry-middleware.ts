import { ConnectorError, isConnectorError } from '../errors/connector-error';
import type { TransportMiddleware } from './middleware';
import type { HttpRequest, HttpResponse } from './transport';

/** One retry about to happen, for the log and the result's count. */
export interface RetryNotice {
  readonly request: HttpRequest;
  /** 1 for the first retry of this request. */
  readonly retry: number;
  /** What the failed attempt got: its status (`503`), or the code of the failure to get an answer (`ECONNRESET`). */
  readonly reason: string;
  /** The wait before the retry. */
  readonly delayMs: number;
}

/** What retrying takes from the runtime of one invocation: its waits, clock, deadline and reporting. */
export interface RetryHooks {
  /** Waits; resolves early once the invocation is aborted (the next send then fails ABORTED). */
  readonly sleep: (ms: number) => Promise<void>;
  /** The runtime's clock in epoch milliseconds (Retry-After dates, the deadline). */
  readonly now: () => number;
  /** When the invocation's deadline passes (epoch milliseconds), if it has one: a wait beyond it is not started. */
  readonly deadline?: number;
  /** Told about every retry (the runtime logs it and counts it in the result). */
  readonly onRetry: (notice: RetryNotice) => void;
}

/** How a {@link retryMiddleware} retries. Every wait is bounded; the number of retries is bounded. */
export interface RetryOptions extends Partial<RetryHooks> {
  /** Retries after the first attempt (0 = never retry). */
  readonly maxRetries: number;
  /** First wait; doubles on each retry. */
  readonly baseDelayMs: number;
  /** Upper bound of one wait, also for a server's Retry-After (default 10 s). */
  readonly maxDelayMs?: number;
  /** Whether an answer to this request is a documented transient failure worth sending again. */
  shouldRetry(response: HttpResponse, request: HttpRequest): boolean;
  /** Whether a failure to get any answer (a reset) is worth sending again; none is when absent. */
  readonly retryError?: (error: unknown, request: HttpRequest) => boolean;
  /** Full jitter: each backoff wait is random in [0, exponential) (`Math.random`, or the given source); off: exact. */
  readonly jitter?: boolean | (() => number);
  /** A Retry-After beyond maxDelayMs: 'clamp' waits maxDelayMs (default); 'give-up' returns the answer marked. */
  readonly beyondCap?: 'clamp' | 'give-up';
}

/** The wait a Retry-After asks for (delay-seconds, or an HTTP date measured from `nowMs`); undefined for none or invalid. */
export function retryAfterMs(response: HttpResponse | undefined, nowMs: number): number | undefined {
  const header = response?.headers['retry-after']?.trim() ?? '';
  const wait = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - nowMs;
  return Number.isFinite(wait) ? Math.max(0, wait) : undefined;
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
  return Math.min(cap, retryAfterMs(response, nowMs) ?? options.baseDelayMs * 2 ** (retry - 1));
}

const realSleep = (ms: number): Promise<void> => new Promise<void>(resolve => setTimeout(resolve, ms));

type Wait = { readonly ms: number } | { readonly stop: 'beyond-cap' | 'beyond-deadline' };

/**
 * Sends again while the answer is a transient failure (or, with `retryError`, while no answer came), at most
 * `maxRetries` times. Place it before signing middlewares so each attempt is signed afresh (new nonce and
 * timestamp). A retried answer says how many attempts were made; a failure that retries did not cure says so.
 */
export function retryMiddleware(options: RetryOptions): TransportMiddleware {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const cap = options.maxDelayMs ?? 10_000;
  const random = options.jitter === true ? Math.random : options.jitter || undefined;
  const waitFor = (retry: number, response: HttpResponse | undefined): Wait => {
    const asked = retryAfterMs(response, now());
    const backoff = Math.min(cap, options.baseDelayMs * 2 ** (retry - 1));
    if (asked !== undefined && asked > cap && options.beyondCap === 'give-up') return { stop: 'beyond-cap' };
    const ms =
      asked !== undefined ? Math.min(cap, asked) : random === undefined ? backoff : Math.floor(random() * backoff);
    return options.deadline !== undefined && now() + ms >= options.deadline ? { stop: 'beyond-deadline' } : { ms };
  };
  return async (request, next) => {
    const earlier: number[] = [];
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await next(request);
      } catch (error) {
        const retrying = attempt <= options.maxRetries && options.retryError?.(error, request) === true;
        const wait = retrying ? waitFor(attempt, undefined) : undefined;
        if (wait === undefined || 'stop' in wait) throw withAttempts(error, attempt);
        options.onRetry?.({ request, retry: attempt, reason: failureCode(error), delayMs: wait.ms });
        await sleep(wait.ms);
        continue;
      }
      const counted = attempt === 1 ? response : { ...response, attempts: attempt, earlierStatuses: earlier };
      if (attempt > options.maxRetries || !options.shouldRetry(response, request)) return counted;
      const wait = waitFor(attempt, response);
      if ('stop' in wait) return { ...counted, notResent: wait.stop };
      options.onRetry?.({ request, retry: attempt, reason: String(response.status), delayMs: wait.ms });
      earlier.push(response.status);
      await sleep(wait.ms);
    }
  };
}

/** A failure to get an answer, after retries: says how many attempts were made. */
function withAttempts(error: unknown, attempts: number): unknown {
  if (attempts === 1 || !isConnectorError(error)) return error;
  const { details } = error;
  return new ConnectorError(
    error.code,
    `${error.message} (gave up after ${attempts} attempts)`,
    { ...details, extra: { ...details.extra, Attempts: String(attempts) } },
    { cause: error }
  );
}

/** The socket error code behind a transport failure (ECONNRESET), else the failure's code. */
export function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}
