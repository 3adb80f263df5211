/** Alibaba Cloud's percent-encoding (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay; space is %20, '*' is %2A). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `a=1&b=2` (query or form body) into decoded pairs, in order. */
export function parsePairs(text: string): Array<[string, string]> {
  return text
    .replace(/^\?/, '')
    .split('&')
    .filter(p => p !== '')
    .map(p => {
      const i = p.indexOf('=');
      const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, '%20'));
      return i < 0 ? [decode(p), ''] : [decode(p.slice(0, i)), decode(p.slice(i + 1))];
    });
}

/** Encodes pairs sorted by name (code-unit order), `name=value` joined with '&', as both signatures canonicalise. */
export function canonicalizePairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  return [...pairs]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
}
