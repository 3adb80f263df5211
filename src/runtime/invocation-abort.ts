import { ConnectorError } from '../errors/connector-error';
import type { TransportMiddleware } from '../transport/middleware';
import { describeProgress, type Progress } from './progress';

/** An invocation's abort: the caller's signal or its overall deadline, whichever comes first. */
export interface InvocationAbort {
  readonly signal: AbortSignal;
  /** Throws ABORTED saying why and how far the invocation got, once the signal fired. */
  check(): void;
  /** Sends every request with the signal (cancelling it in flight) and turns what the cancel throws into ABORTED. */
  readonly middleware: TransportMiddleware;
  /** Waits for `promise` (a full sink draining), or throws ABORTED when the signal fires first. */
  until<T>(promise: Promise<T>): Promise<T>;
  /** Stops the deadline timer. */
  dispose(): void;
}

/**
 * Combines the caller's signal and a deadline into one (AbortSignal.any needs Node 20.3; this runs on 20.0).
 * @param progress - How far the invocation got, for the message.
 */
export function createInvocationAbort(
  caller: AbortSignal | undefined,
  deadlineMs: number | undefined,
  progress: () => Progress
): InvocationAbort {
  const controller = new AbortController();
  let why = 'the caller aborted it';
  const abort = (): void => controller.abort();
  if (caller?.aborted === true) abort();
  caller?.addEventListener('abort', abort, { once: true });
  const timer =
    deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          why = `its deadline of ${deadlineMs} ms passed`;
          abort();
        }, deadlineMs);
  const aborted = (): ConnectorError =>
    new ConnectorError('ABORTED', `Stopped because ${why}, after ${describeProgress(progress())}`);
  const check = (): void => {
    if (controller.signal.aborted) throw aborted();
  };
  return {
    signal: controller.signal,
    check,
    async middleware(request, next) {
      check();
      try {
        return await next({ ...request, signal: controller.signal });
      } catch (error) {
        check(); // a cancelled request fails as the transport says; the reason is the abort
        throw error;
      }
    },
    until(promise) {
      check();
      return new Promise((resolve, reject) => {
        const stop = (): void => reject(aborted());
        controller.signal.addEventListener('abort', stop, { once: true });
        promise.then(
          value => {
            controller.signal.removeEventListener('abort', stop);
            resolve(value);
          },
          (error: unknown) => {
            controller.signal.removeEventListener('abort', stop);
            reject(error);
          }
        );
      });
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener('abort', abort);
    }
  };
}
