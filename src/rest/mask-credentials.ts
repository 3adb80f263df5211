import { CREDENTIAL_KEY } from '../transport/credential-key';

/**
 * Returns a JSON value with every scalar under a credential-like name ({@link CREDENTIAL_KEY}: passwords,
 * secrets, tokens, keys; not IDs) shown as '***', at any depth: what a read reports never holds a stored secret.
 */
export function maskCredentials(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskCredentials);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      CREDENTIAL_KEY.test(k) && (typeof v === 'number' || (typeof v === 'string' && v !== ''))
        ? '***'
        : maskCredentials(v)
    ])
  );
}
