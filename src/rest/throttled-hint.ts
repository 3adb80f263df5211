import type { HttpResponse } from '../transport/transport';

/** The advice for a final 429: how many attempts were made, and to retry later. */
export function throttledHint(response: HttpResponse): string | undefined {
  if (response.status !== 429) return undefined;
  const attempts = response.attempts;
  return `too many requests: ${attempts === undefined ? '' : `gave up after ${attempts} attempts with backoff; `}retry later`;
}
