import { redactHeaders, sanitizeUrl } from './redact';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Marks the empty answer a dry run gives in place of sending, so a log does not show it as the service's. */
export const DRY_RUN_HEADER = 'x-iflow-dry-run';

/** A request a dry run saw, and whether it really went out (only model reads do). */
export interface DryRunRequest {
  readonly request: HttpRequest;
  readonly sent: boolean;
}

/**
 * For a dry run: the requests `goesOut` lets through are sent (the runtime lets model reads through: they are
 * side-effect free and needed to check the plan); every other request is captured instead of sent and answered
 * with an empty 204 (a CSRF fetch with a stand-in token).
 */
export function createDryRunTransport(
  inner: Transport,
  seen: DryRunRequest[],
  goesOut: (request: HttpRequest) => boolean
): Transport {
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const sent = goesOut(request);
      seen.push({ request, sent });
      if (sent) return inner.send(request);
      // a CSRF fetch gets a stand-in token, so the writes show the header they carry (masked) and no fallback fetch
      const fetch = Object.entries(request.headers ?? {}).some(
        ([k, v]) => k.toLowerCase() === 'x-csrf-token' && /^fetch$/i.test(v)
      );
      return {
        status: fetch ? 200 : 204,
        headers: { [DRY_RUN_HEADER]: 'not sent', ...(fetch ? { 'x-csrf-token': 'dry-run' } : {}) },
        body: ''
      };
    }
  };
}

/**
 * Renders one request as HTTP text, credential headers and URL parameters (a signature can be replayed)
 * masked; the caller redacts secrets in the rest.
 */
export function formatRequest({ request: r, sent }: DryRunRequest): string {
  const headers = Object.entries(redactHeaders(r.headers ?? {})).map(([k, v]) => `${k}: ${v}`);
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`;
  return [
    `${sent ? '# sent (read-only, needed to type the request)\n' : ''}${r.method} ${sanitizeUrl(r.url)}`,
    ...headers,
    '',
    body
  ].join('\n');
}
