/** Replaces every occurrence of the given secrets (and their Basic-auth and URL-encoded forms) with '***'. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of expandSecretForms(secrets)) out = out.split(secret).join('***');
  return out;
}

/** The forms a secret can take on the wire: as is, percent-encoded, and inside a Basic credential. */
export function expandSecretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < 3) continue; // too short to redact without mangling unrelated text
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'x-auth-token', 'x-acs-security-token']);

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
    .replace(/([?&](?:password|passwd|pwd|token|access_token|secret|signature|accesskeysecret)=)[^&]*/gi, '$1***');
}
