import type { HttpResponse } from '../transport/transport';
import { UNKNOWN_OUTCOME } from './odata-retry';

/** What a failure answer adds about retrying: the sentence for the message and the details for the XML. */
export interface RetryNote {
  readonly note: string;
  readonly extra: Readonly<Record<string, string>>;
}

/**
 * What retrying did with a failure answer: a write not sent again (outcome unknown, or refused with 429),
 * a wait the service asked for that was not waited (beyond the cap or the deadline), or retries given up.
 */
export function retryNoteOf(response: HttpResponse): RetryNote | undefined {
  const attempts = String(response.attempts ?? 1);
  const header = response.headers['retry-after']?.trim();
  const asked = header === undefined || header === '' ? '' : `the service asked to be retried ${whenOf(header)}`;
  const then = asked === '' ? '' : `; ${asked}`;
  const retryAfter: Record<string, string> = header === undefined || header === '' ? {} : { 'Retry-After': header };
  switch (response.notResent) {
    case 'write':
      return response.status === 429
        ? {
            note: `refused before it acted, and a write is not sent again automatically${then}`,
            extra: { Attempts: '1' }
          }
        : { note: `${UNKNOWN_OUTCOME}${then}`, extra: { Outcome: 'unknown', Attempts: '1', ...retryAfter } };
    case 'beyond-cap':
      return {
        note: `not retried: ${asked}, longer than retryMaxDelayMs allows`,
        extra: { Attempts: attempts, ...retryAfter }
      };
    case 'beyond-deadline':
      return {
        note: `not retried: ${asked === '' ? 'the next wait would pass' : `${asked}, beyond`} the invocation's deadline`,
        extra: { Attempts: attempts, ...retryAfter }
      };
    default:
      // not retried (maxRetries=0, or not a transient status): the service's own advice is still worth passing on
      if (response.attempts === undefined) return asked === '' ? undefined : { note: asked, extra: retryAfter };
      return {
        note: `gave up after ${attempts} attempts (answers: ${[...(response.earlierStatuses ?? []), response.status].join(', ')})${then}`,
        extra: { Attempts: attempts, ...retryAfter }
      };
  }
}

function whenOf(header: string): string {
  return /^\d+$/.test(header) ? `in ${header} s` : `at ${header}`;
}
