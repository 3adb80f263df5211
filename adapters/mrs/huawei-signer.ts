import { createHash, createHmac } from 'node:crypto';
import type { HttpRequest } from '../../src/sdk';

/**
 * Huawei Cloud API Gateway AK/SK signing (`SDK-HMAC-SHA256`), written from the published algorithm
 * (support.huaweicloud.com devg-apisign api-sign-algorithm-002…005) and checked against its worked example.
 * Huawei ships no npm signer that works as a pure function (the "APIG JavaScript SDK" is a zip of browser
 * code), so the ~60 lines live here, over node:crypto.
 */
export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';

/** `X-Sdk-Date` format: YYYYMMDDTHHMMSSZ (UTC). */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 3986 encoding (unreserved: A-Z a-z 0-9 - _ . ~), as the gateway canonicalises. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** The canonical URI: each segment encoded, always ending with '/'. */
export function buildCanonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map(s => encodeRfc3986(decodeURIComponent(s)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** The canonical query string: parameters sorted by name (then value), names and values encoded. */
export function buildCanonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter(p => p !== '')
    .map(p => {
      const i = p.indexOf('=');
      const [k, v] = i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)];
      return [encodeRfc3986(decodeURIComponent(k)), encodeRfc3986(decodeURIComponent(v))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * The canonical request: method, URI, query, `name:value` lines of the signed headers, the signed header
 * names, and the hex SHA-256 of the body.
 */
export function buildCanonicalRequest(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  signedHeaders: readonly string[],
  body: string
): string {
  const u = new URL(url);
  const lines = signedHeaders.map(h => `${h}:${(headers[h] ?? '').trim()}\n`).join('');
  return [
    method,
    buildCanonicalUri(u.pathname),
    buildCanonicalQuery(u.search),
    lines,
    signedHeaders.join(';'),
    sha256Hex(body)
  ].join('\n');
}

/** The string to sign: algorithm, request time, hex SHA-256 of the canonical request. */
export function buildStringToSign(canonicalRequest: string, sdkDate: string): string {
  return `${HUAWEI_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

/** The hex HMAC-SHA256 of the string to sign under the secret key. */
export function computeSignature(secretKey: string, stringToSign: string): string {
  return createHmac('sha256', secretKey).update(stringToSign, 'utf8').digest('hex');
}

/** Signs a request: adds `host` and `x-sdk-date`, signs every header it carries, adds `authorization`. */
export function signHuaweiRequest(request: HttpRequest, accessKey: string, secretKey: string, now: Date): HttpRequest {
  const sdkDate = formatSdkDate(now);
  const headers: Record<string, string> = {
    ...request.headers,
    host: new URL(request.url).host,
    'x-sdk-date': sdkDate
  };
  delete headers['authorization'];
  const signed = Object.keys(headers)
    .map(h => h.toLowerCase())
    .sort();
  const body =
    typeof request.body === 'string'
      ? request.body
      : request.body === undefined
        ? ''
        : Buffer.from(request.body).toString('utf8');
  const canonical = buildCanonicalRequest(request.method, request.url, headers, signed, body);
  const signature = computeSignature(secretKey, buildStringToSign(canonical, sdkDate));
  const authorization = `${HUAWEI_ALGORITHM} Access=${accessKey}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return { ...request, headers: { ...headers, authorization } };
}
