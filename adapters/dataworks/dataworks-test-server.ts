import { createHash, createHmac } from 'node:crypto';
import { startTestHttpServer, type ReceivedRequest, type TestHttpServer, type TestResponse } from '../../src/mgmt/testing/test-http-server';

/** The AccessKey the stand-in DataWorks accepts. */
export const DW_TEST_KEY = { id: 'LTAI-test-key-id', secret: 'dw-TEST-secret-0001' } as const;

// Independent of the connector's signers: read straight from the two signature documents.
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const pairsOf = (text: string): Array<[string, string]> => [...new URLSearchParams(text).entries()];
const canonical = (pairs: Array<[string, string]>): string => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function verifyV3(r: ReceivedRequest, nonces: Set<string>): string | undefined {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(r.headers['authorization'] ?? '');
  if (m === null) return 'IncompleteSignature';
  const [, id, signed = '', signature] = m;
  if (id !== DW_TEST_KEY.id) return 'InvalidAccessKeyId.NotFound';
  for (const h of ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']) if (!signed.split(';').includes(h)) return 'IncompleteSignature';
  if (r.headers['x-acs-content-sha256'] !== sha256(r.body)) return 'ContentSHA256NotMatched';
  const nonce = r.headers['x-acs-signature-nonce'] ?? '';
  if (nonces.has(nonce)) return 'SignatureNonceUsed';
  const cr = [r.method, r.path, canonical([...r.query.entries()]), signed.split(';').map(h => `${h}:${(r.headers[h] ?? '').trim()}\n`).join(''), signed, sha256(r.body)].join('\n');
  const expected = createHmac('sha256', DW_TEST_KEY.secret).update(`ACS3-HMAC-SHA256\n${sha256(cr)}`).digest('hex');
  if (expected !== signature) return 'SignatureDoesNotMatch';
  nonces.add(nonce);
  return undefined;
}

function verifyRpc(r: ReceivedRequest, params: Map<string, string>, nonces: Set<string>): string | undefined {
  if (params.get('AccessKeyId') !== DW_TEST_KEY.id) return 'InvalidAccessKeyId.NotFound';
  if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') return 'IncompleteSignature';
  const nonce = params.get('SignatureNonce') ?? '';
  if (nonce === '' || nonces.has(nonce)) return 'SignatureNonceUsed';
  const signed = [...params.entries()].filter(([k]) => k !== 'Signature');
  const sts = `${r.method}&${enc('/')}&${enc(canonical(signed))}`;
  const expected = createHmac('sha1', `${DW_TEST_KEY.secret}&`).update(sts).digest('base64');
  if (expected !== params.get('Signature')) return 'SignatureDoesNotMatch';
  nonces.add(nonce);
  return undefined;
}

/** Stand-in behaviour a test can steer. */
export interface DataworksServerState {
  /** Answer this many requests with 429 Throttling.User first. */
  throttleNext: number;
}

/**
 * A stand-in for DataWorks' RPC endpoint: verifies the V3 or RPC signature (rejecting replayed nonces),
 * the action's required parameters and the *Details JSON; answers in JSON, or XML when Format=XML.
 */
export function startDataworksTestServer(state: DataworksServerState): Promise<TestHttpServer> {
  const nonces = new Set<string>();
  let requestNo = 0;
  return startTestHttpServer(r => {
    requestNo += 1;
    const requestId = `TEST-${requestNo}`;
    const params = new Map([...r.query.entries(), ...(r.headers['content-type'] === 'application/x-www-form-urlencoded' ? pairsOf(r.body) : [])]);
    const xml = params.get('Format') === 'XML';
    const answer = (status: number, body: Record<string, unknown>, root: string): TestResponse =>
      xml
        ? { status, headers: { 'content-type': 'application/xml' }, body: `<${root}>${Object.entries(body).map(([k, v]) => `<${k}>${String(v)}</${k}>`).join('')}</${root}>` }
        : { status, body };
    const fail = (status: number, code: string, message: string) => answer(status, { RequestId: requestId, HttpStatusCode: status, ErrorCode: code, ErrorMessage: message, Success: false }, 'Error');
    const problem = r.headers['authorization'] !== undefined ? verifyV3(r, nonces) : verifyRpc(r, params, nonces);
    if (problem !== undefined) return answer(400, { RequestId: requestId, Code: problem, Message: `signature check failed: ${problem}` }, 'Error');
    if (r.method !== 'POST' || r.path !== '/') return fail(404, 'InvalidAction.NotFound', 'Specified api is not found');
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      return fail(429, 'Throttling.User', 'Your request is too frequent. Try again later.');
    }
    const action = r.headers['x-acs-action'] ?? params.get('Action');
    const required: Record<string, string[]> = {
      UpdateDataServiceApi: ['ProjectId', 'ApiId', 'RequestMethod', 'ResponseContentType', 'Timeout', 'VisibleRange', 'Protocols', 'ApiPath', 'ApiDescription'],
      PublishDataServiceApi: ['ProjectId', 'ApiId']
    };
    const needed = action === undefined ? undefined : required[action];
    if (needed === undefined) return fail(404, 'InvalidAction.NotFound', `Specified api ${action ?? ''} is not found`);
    const missing = needed.find(p => !params.has(p));
    if (missing !== undefined) return fail(400, 'MissingParameter', `${missing} is mandatory for this action`);
    for (const d of ['WizardDetails', 'ScriptDetails', 'RegistrationDetails']) {
      const v = params.get(d);
      if (v !== undefined) {
        try {
          JSON.parse(v);
        } catch {
          return fail(400, 'Invalid.Param', `${d} is not JSON`);
        }
      }
    }
    if (params.get('ApiId') !== '10000') return fail(400, 'Invalid.Api.NotExists', 'The API does not exist.');
    return answer(200, { HttpStatusCode: 200, Data: true, RequestId: requestId, Success: true }, `${action ?? ''}Response`);
  });
}
