import { createHmac } from 'node:crypto';
import type { HttpRequest } from '../../src/sdk';
import type { AlibabaCredentials } from './acs3-signer';
import { canonicalizePairs, parsePairs, percentEncode } from './percent-encode';

/**
 * The older RPC signature (SignatureVersion 1.0, HMAC-SHA1), for gateways that do not take V3; written from
 * "Request syntax and signature method V2 for RPC APIs" (alibabacloud.com/help/en/sdk/product-overview/
 * rpc-mechanism) and checked against its DescribeRegions example.
 */

/** `Timestamp`: ISO 8601 UTC without milliseconds. */
export function formatRpcTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized parameters). */
export function buildRpcStringToSign(method: string, params: ReadonlyArray<readonly [string, string]>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizePairs(params))}`;
}

/** Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). */
export function computeRpcSignature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/**
 * Signs an RPC request: the common parameters (Action from the `x-acs-action` header, Version, Format,
 * AccessKeyId, SignatureMethod/Version/Nonce, Timestamp, SecurityToken) join the query; the signature
 * covers query and form-body parameters; `Signature` is appended to the query.
 */
export function signRpcV1(
  request: HttpRequest,
  credentials: AlibabaCredentials,
  version: string,
  format: string,
  date: Date,
  nonce: string
): HttpRequest {
  const { 'x-acs-action': action = '', ...headers } = request.headers ?? {};
  const u = new URL(request.url);
  const common: Array<[string, string]> = [
    ['AccessKeyId', credentials.accessKeyId],
    ['Action', action],
    ['Format', format],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureNonce', nonce],
    ['SignatureVersion', '1.0'],
    ['Timestamp', formatRpcTimestamp(date)],
    ['Version', version],
    ...(credentials.securityToken === undefined
      ? []
      : ([['SecurityToken', credentials.securityToken]] as Array<[string, string]>))
  ];
  const query = [...common, ...parsePairs(u.search)];
  const form =
    typeof request.body === 'string' && /x-www-form-urlencoded/.test(headers['content-type'] ?? '')
      ? parsePairs(request.body)
      : [];
  const signature = computeRpcSignature(
    credentials.accessKeySecret,
    buildRpcStringToSign(request.method, [...query, ...form])
  );
  const url = `${u.origin}${u.pathname}?${canonicalizePairs([...query, ['Signature', signature]])}`;
  return { ...request, url, headers };
}
