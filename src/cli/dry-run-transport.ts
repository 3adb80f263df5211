import { redactHeaders } from '../transport/redact';
import type { HttpRequest, HttpResponse, Transport } from '../transport/transport';

/**
 * For --dry-run: `$metadata` reads go through (they are side-effect free and needed to type the request);
 * every other request is captured instead of sent and answered with an empty 204.
 */
export function createDryRunTransport(inner: Transport): Transport & { readonly captured: HttpRequest[] } {
  const captured: HttpRequest[] = [];
  return {
    captured,
    async send(request: HttpRequest): Promise<HttpResponse> {
      if (request.method === 'GET' && /\/\$metadata(\?|$)/.test(request.url)) return inner.send(request);
      captured.push(request);
      return { status: 204, headers: {}, body: '' };
    }
  };
}

/** Renders captured requests as HTTP text, credentials redacted. */
export function formatRequests(requests: readonly HttpRequest[]): string {
  return requests
    .map(r => {
      const headers = Object.entries(redactHeaders(r.headers ?? {})).map(([k, v]) => `${k}: ${v}`);
      const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`;
      return [`${r.method} ${r.url}`, ...headers, '', body].join('\n');
    })
    .join('\n\n');
}
