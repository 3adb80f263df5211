import { createHash, createHmac } from 'node:crypto';
import {
  startTestHttpServer,
  type ReceivedRequest,
  type TestHttpServer,
  type TestResponse,
  type ThrottleState
} from '../../../src/rest/testing/test-http-server';
import { createTestDataService } from './dataworks-test-api';
import { checkParams, REQUIRED_PARAMS } from './dataworks-test-checks';

/** The AccessKey the stand-in DataWorks accepts. */
export const DW_TEST_KEY = { id: 'LTAI-test-key-id', secret: 'dw-TEST-secret-0001' } as const;

// Independent of the connector's signers: read straight from the two signature documents.
const enc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const pairsOf = (text: string): Array<[string, string]> => [...new URLSearchParams(text).entries()];
const canonical = (pairs: Array<[string, string]>): string =>
  pairs
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .sort()
    .join('&');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** An AccessKey a verifier checks against. */
export interface AlibabaKey {
  readonly id: string;
  readonly secret: string;
}

function verifyV3(r: ReceivedRequest, key: AlibabaKey, nonces: Set<string>): string | undefined {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    r.headers['authorization'] ?? ''
  );
  if (m === null) return 'IncompleteSignature';
  const [, id, signed = '', signature] = m;
  if (id !== key.id) return 'InvalidAccessKeyId.NotFound';
  for (const h of [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version'
  ])
    if (!signed.split(';').includes(h)) return 'IncompleteSignature';
  if (r.headers['x-acs-content-sha256'] !== sha256(r.body)) return 'ContentSHA256NotMatched';
  const nonce = r.headers['x-acs-signature-nonce'] ?? '';
  if (nonces.has(nonce)) return 'SignatureNonceUsed';
  const cr = [
    r.method,
    r.path,
    canonical([...r.query.entries()]),
    signed
      .split(';')
      .map(h => `${h}:${(r.headers[h] ?? '').trim()}\n`)
      .join(''),
    signed,
    sha256(r.body)
  ].join('\n');
  const expected = createHmac('sha256', key.secret)
    .update(`ACS3-HMAC-SHA256\n${sha256(cr)}`)
    .digest('hex');
  if (expected !== signature) return 'SignatureDoesNotMatch';
  nonces.add(nonce);
  return undefined;
}

function verifyRpc(
  r: ReceivedRequest,
  params: Map<string, string>,
  key: AlibabaKey,
  nonces: Set<string>
): string | undefined {
  if (params.get('AccessKeyId') !== key.id) return 'InvalidAccessKeyId.NotFound';
  if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0')
    return 'IncompleteSignature';
  const nonce = params.get('SignatureNonce') ?? '';
  if (nonce === '' || nonces.has(nonce)) return 'SignatureNonceUsed';
  const signed = [...params.entries()].filter(([k]) => k !== 'Signature');
  const sts = `${r.method}&${enc('/')}&${enc(canonical(signed))}`;
  const expected = createHmac('sha1', `${key.secret}&`).update(sts).digest('base64');
  if (expected !== params.get('Signature')) return 'SignatureDoesNotMatch';
  nonces.add(nonce);
  return undefined;
}

/** The request's parameters: query, and the form body's for the RPC style. */
const paramsOf = (r: ReceivedRequest): Map<string, string> =>
  new Map([
    ...r.query.entries(),
    ...(r.headers['content-type'] === 'application/x-www-form-urlencoded' ? pairsOf(r.body) : [])
  ]);

/**
 * Checks a request's V3 (Authorization header) or RPC (Signature parameter) signature for `key`, independently of
 * the connector's signers; `nonces` are the ones already used (a replayed nonce is refused). Returns Alibaba's error code.
 */
export function verifyAlibabaSignature(r: ReceivedRequest, key: AlibabaKey, nonces: Set<string>): string | undefined {
  return r.headers['authorization'] !== undefined ? verifyV3(r, key, nonces) : verifyRpc(r, paramsOf(r), key, nonces);
}

/**
 * Stand-in behaviour a test can steer: answer this many requests with 429 Throttling.User first; and carry out
 * this many actions but answer them 500 InternalError.System (a server that fails after doing the work).
 */
export type DataworksServerState = ThrottleState & { failAfterActing?: number };

/** The API version the stand-in serves, as Alibaba checks `Version` / `x-acs-version`. */
export const DW_TEST_VERSION = '2020-05-18';

// Alibaba's XML form: members as elements, list items as <Api>/<member> children (as decode-response reads them).
const toXml = (name: string, value: unknown): string =>
  Array.isArray(value)
    ? `<${name}>${value.map(v => toXml(name === 'Apis' ? 'Api' : 'member', v)).join('')}</${name}>`
    : value !== null && typeof value === 'object'
      ? `<${name}>${Object.entries(value)
          .map(([k, v]) => toXml(k, v))
          .join('')}</${name}>`
      : `<${name}>${String(value)}</${name}>`;

/**
 * A stand-in for DataWorks' RPC endpoint (all six DataService Studio actions): verifies the V3 or RPC
 * signature (rejecting replayed nonces), the API version, the action, its required parameters, their
 * ranges and the *Details JSON shapes (dataworks-test-checks.ts), keeps APIs in memory
 * (dataworks-test-api.ts) and answers in JSON, or XML when Format=XML.
 */
export function startDataworksTestServer(state: DataworksServerState): Promise<TestHttpServer> {
  const nonces = new Set<string>();
  const service = createTestDataService();
  let requestNo = 0;
  return startTestHttpServer(r => {
    requestNo += 1;
    const requestId = `TEST-${requestNo}`;
    const params = paramsOf(r);
    const xml = params.get('Format') === 'XML';
    const answer = (status: number, body: Record<string, unknown>, root: string): TestResponse =>
      xml ? { status, headers: { 'content-type': 'application/xml' }, body: toXml(root, body) } : { status, body };
    const fail = (status: number, code: string, message: string) =>
      answer(
        status,
        { RequestId: requestId, HttpStatusCode: status, ErrorCode: code, ErrorMessage: message, Success: false },
        'Error'
      );
    const v3 = r.headers['authorization'] !== undefined;
    const problem = verifyAlibabaSignature(r, DW_TEST_KEY, nonces);
    if (problem !== undefined)
      return answer(
        400,
        { RequestId: requestId, Code: problem, Message: `signature check failed: ${problem}` },
        'Error'
      );
    if (r.method !== 'POST' || r.path !== '/') return fail(404, 'InvalidAction.NotFound', 'Specified api is not found');
    const version = v3 ? r.headers['x-acs-version'] : params.get('Version');
    if (version !== DW_TEST_VERSION)
      return fail(400, 'InvalidVersion', `Specified parameter Version ${version ?? ''} is not valid.`);
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      return fail(429, 'Throttling.User', 'Your request is too frequent. Try again later.');
    }
    const action = (v3 ? r.headers['x-acs-action'] : params.get('Action')) ?? '';
    if (REQUIRED_PARAMS[action] === undefined)
      return fail(404, 'InvalidAction.NotFound', `Specified api ${action} is not found`);
    const invalid = checkParams(action, params);
    if (invalid !== undefined) {
      const [code = 'Invalid.Param', message = ''] = invalid.split(/:(.*)/s);
      return fail(400, code, message);
    }
    const result = service(action, params);
    if ('code' in result) return fail(result.status, result.code, result.message);
    if ((state.failAfterActing ?? 0) > 0) {
      state.failAfterActing = (state.failAfterActing ?? 0) - 1;
      return fail(500, 'InternalError.System', 'An internal system error occurred. Try again later.');
    }
    return answer(
      200,
      { HttpStatusCode: 200, Data: result.data, RequestId: requestId, Success: true },
      `${action}Response`
    );
  });
}
