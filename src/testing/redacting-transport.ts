import { redactSecrets } from '../transport/redact';
import type { HttpRequest, Transport } from '../transport/transport';

/**
 * Replaces secrets in a request by '***' before handing it to `inner`. Signatures and their nonces are not
 * masked: replays pin the clock and the nonces, so recordings assert them exactly.
 * Recorded fixtures hold '***' where a password was; redacting the live request the same way lets the
 * replay matcher compare both sides. Used in tests only: a real transport must see the real request.
 */
export function createRedactingTransport(inner: Transport, secrets: readonly string[]): Transport {
  const clean = (text: string): string => redactSecrets(text, secrets);
  return {
    send(request: HttpRequest) {
      const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k, clean(v)]));
      const body = typeof request.body === 'string' ? clean(request.body) : request.body;
      return inner.send({ ...request, url: clean(request.url), headers, ...(body === undefined ? {} : { body }) });
    }
  };
}
