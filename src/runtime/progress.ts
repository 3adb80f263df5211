import type { Logger } from '../connector/connector';

/** How far an invocation got: requests sent, parts written (pages, batch chunks), their items, bytes out. */
export interface Progress {
  readonly requests: number;
  readonly parts: number;
  readonly items: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** Counts an invocation's progress and reports it through the logger at level 'progress', at most once a second. */
export interface ProgressCounter {
  sent(): void;
  /** A part of the result was written (an emit step); one that names its `items` counts as a part (a page, a chunk). */
  wrote(items: number | undefined): void;
  /** The figures so far, bytes as the result writer counts them. */
  now(): Progress;
  /** The last report, whatever the interval, when anything was written in parts. */
  end(): void;
}

const REPORT_INTERVAL_MS = 1_000;

export function createProgressCounter(log: Logger, clock: () => Date, bytes: () => number): ProgressCounter {
  const started = clock().getTime();
  let requests = 0;
  let parts = 0;
  let items = 0;
  let reported = started;
  const now = (): Progress => ({ requests, parts, items, bytes: bytes(), elapsedMs: clock().getTime() - started });
  return {
    sent: () => void (requests += 1),
    wrote(count) {
      if (count === undefined) return;
      parts += 1;
      items += count;
      const at = clock().getTime();
      if (at - reported < REPORT_INTERVAL_MS) return;
      reported = at;
      log('progress', describeProgress(now()));
    },
    now,
    end() {
      if (parts > 0) log('progress', describeProgress(now()));
    }
  };
}

/** "3 requests, 2 parts, 2,000 entities, 1.2 MB written in 1.3 s (1,538 entities/s)". */
export function describeProgress(p: Progress): string {
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 && p.items > 0 ? ` (${Math.round(p.items / seconds).toLocaleString('en')} entities/s)` : '';
  return [
    count(p.requests, 'request', 'requests'),
    ...(p.parts > 0 ? [count(p.parts, 'part', 'parts'), count(p.items, 'entity', 'entities')] : []),
    ...(p.bytes > 0 ? [`${(p.bytes / 1e6).toFixed(1)} MB written`] : [])
  ]
    .join(', ')
    .concat(` in ${seconds.toFixed(1)} s${rate}`);
}
