import { redactSecrets } from '../transport/redact';
import type { HttpRequest, Transport } from '../transport/transport';

/** Query parameters whose values change on every call (nonces, signatures over them); compared as '***'. */
const VOLATILE_QUERY = /([?&](?:Signature|SignatureNonce)=)[^&]*/g;

/**
 * Replaces secrets (and volatile signature parameters) in a request by '***' before handing it to `inner`.
 * Recorded fixtures hold '***' where a password was; redacting the live request the same way lets the
 * replay matcher compare both sides. Used in tests only: a real transport must see the real request.
 */
export function createRedactingTransport(inner: Transport, secrets: readonly string[]): Transport {
  const clean = (text: string): string => redactSecrets(text, secrets);
  return {
    send(request: HttpRequest) {
      const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k, clean(v)]));
      const body = typeof request.body === 'string' ? clean(request.body) : request.body;
      return inner.send({ ...request, url: clean(request.url).replace(VOLATILE_QUERY, '$1***'), headers, ...(body === undefined ? {} : { body }) });
    }
  };
}
