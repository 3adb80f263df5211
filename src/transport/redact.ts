import { escapeAttribute, escapeText } from '../output/xml-writer';
import { CREDENTIAL_KEY } from './credential-key';
import type { HttpConnection } from './transport';

/** Replaces every occurrence of the given secrets, in every form they can take in text we show, with '***'. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of expandSecretForms(secrets)) out = out.split(secret).join('***');
  return out;
}

/**
 * The forms a secret can take in text we show: as is, percent-encoded, escaped inside XML text or an
 * attribute (output is redacted after writing), and escaped inside a JSON string, once or twice (a
 * service echoing a body, or MRS's `source_info`, a JSON string inside JSON).
 */
export function expandSecretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  const json = (t: string): string => JSON.stringify(t).slice(1, -1);
  for (const s of secrets) {
    if (s.length < 3) continue; // too short to redact without mangling unrelated text
    for (const form of [s, json(s), json(json(s))]) {
      forms.add(form);
      forms.add(encodeURIComponent(form));
      forms.add(escapeText(form));
      forms.add(escapeAttribute(form));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'x-auth-token',
  'x-acs-security-token'
]);

/** Returns headers with credentials, cookies and tokens replaced by '***'. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (SENSITIVE_HEADERS.has(lower) && !(lower === 'x-csrf-token' && /^(fetch|required)$/i.test(value))) {
      out[lower] = lower === 'authorization' ? `${value.split(' ')[0] ?? ''} ***` : '***';
    } else out[lower] = value;
  }
  return out;
}

/** Removes user:password from a URL and masks query parameters that look like credentials. */
export function sanitizeUrl(url: string): string {
  return url
    .replace(/^(\w+:\/\/)[^/@\s]*@/, '$1')
    .replace(/([?&]([^=&#]*)=)[^&#]*/g, (pair: string, head: string, name: string) =>
      isCredentialParam(name) ? `${head}***` : pair
    );
}

/** A service URL may carry its own key (api_key, subscription-key, client_secret), so the name decides, not a list. */
function isCredentialParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a malformed escape: judge the name as written
  }
  // OData's own options ($skiptoken, $deltatoken) are paging state, not credentials
  return !decoded.startsWith('$') && (/^signature$/i.test(decoded) || CREDENTIAL_KEY.test(decoded));
}

/**
 * The credential values a request carries in its headers (the Authorization value after its scheme,
 * tokens, cookies), so that whatever went on the wire can be redacted from anything shown later, whichever
 * middleware added it (Basic, Bearer, a vendor signature, a CSRF session).
 */
export function headerSecrets(headers: Readonly<Record<string, string>> | undefined): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!SENSITIVE_HEADERS.has(lower) || (lower === 'x-csrf-token' && /^(fetch|required)$/i.test(value))) continue;
    if (lower === 'authorization' || lower === 'proxy-authorization') out.push(value.replace(/^\S+\s+/, ''));
    else if (lower === 'cookie')
      out.push(
        ...value
          .split(/;\s*/)
          .filter(c => c.includes('='))
          .map(c => c.slice(c.indexOf('=') + 1))
      );
    else out.push(value);
  }
  return out;
}

/** The secrets a connection holds: private key, PKCS#12 bundle, passphrase, and a proxy URL's password. */
export function connectionSecrets(connection: HttpConnection | undefined): string[] {
  if (connection === undefined) return [];
  const { key, pfx, passphrase, proxy } = connection;
  const password = proxy === undefined ? undefined : /^\w+:\/\/[^/@?#:]*:([^/@?#]*)@/.exec(proxy)?.[1];
  return [key, pfx, passphrase, password, password === undefined ? undefined : safeDecode(password)].filter(
    (v): v is string => v !== undefined && v !== ''
  );
}

/** What the runtime logs, as a warning, on each invocation that turns certificate verification off. */
export function trustAllWarning(url: string): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // the URL as given
  }
  return `TLS certificate verification is OFF for ${host} (trustAll=true): anyone on the way can read and change the traffic, credentials included; give the service's CA in "ca" instead`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
