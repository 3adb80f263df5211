import type { Logger } from '../connector/connector';
import { sanitizeUrl } from '../transport/redact';
import type { RetryHooks, RetryNotice } from '../transport/retry-middleware';

/** What an invocation sent again: how many requests were retried, and the attempts those requests took in all. */
export interface RetrySummary {
  readonly requests: number;
  readonly attempts: number;
}

/** The retry hooks of one invocation, and the count of what they were told. */
export interface RetryCount {
  readonly hooks: RetryHooks;
  /** Undefined when nothing was retried. */
  summary(): RetrySummary | undefined;
}

/**
 * Waits that end early when the invocation is aborted (the next send then fails ABORTED), and an 'info' line
 * per retry. `sleep` replaces the real wait (tests); it is raced against the abort too.
 */
export function createRetryCount(
  log: Logger,
  signal: AbortSignal,
  now: () => number,
  deadline: number | undefined,
  sleep?: (ms: number) => Promise<void>
): RetryCount {
  let requests = 0;
  let retries = 0;
  const onRetry = ({ request, retry, reason, delayMs }: RetryNotice): void => {
    if (retry === 1) requests++;
    retries++;
    const got = /^\d+$/.test(reason) ? `answered ${reason}` : `failed (${reason})`;
    log('info', `${request.method} ${sanitizeUrl(request.url)} ${got}: retry ${retry} in ${delayMs} ms`);
  };
  const wait = (ms: number): Promise<void> =>
    new Promise<void>(resolve => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = sleep === undefined ? setTimeout(done, ms) : undefined;
      if (signal.aborted) return done();
      signal.addEventListener('abort', done, { once: true });
      sleep?.(ms).then(done, done);
    });
  return {
    hooks: { sleep: wait, now, onRetry, ...(deadline === undefined ? {} : { deadline }) },
    summary: () => (requests === 0 ? undefined : { requests, attempts: requests + retries })
  };
}
