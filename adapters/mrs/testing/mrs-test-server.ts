import { createHash, createHmac } from 'node:crypto';
import {
  startTestHttpServer,
  type ReceivedRequest,
  type TestHttpServer,
  type TestResponse,
  type ThrottleState
} from '../../../src/rest/testing/test-http-server';

/** Credentials the stand-in MRS accepts. */
export const MRS_TEST_CREDENTIALS = {
  projectId: '274ee662a7e24cc99bfc858c4558dbf6',
  token: 'iam-token-TEST-0001',
  ak: 'QTWAOYTTINDUT2QVKYUC',
  sk: 'sk-TEST-secret-0001'
} as const;

const SOURCE_TYPES = ['RDS_POSTGRES', 'RDS_MYSQL', 'gaussdb-mysql'];

/** The credentials a verifier accepts: an IAM token, or an AK/SK pair. */
export interface HuaweiTestCredentials {
  readonly token?: string;
  readonly ak?: string;
  readonly sk?: string;
}

/**
 * Checks a request's X-Auth-Token, or its SDK-HMAC-SHA256 signature, as the API Gateway would: an independent
 * reading of Huawei's signing guide (not the connector's signer) that rebuilds the canonical request from what
 * arrived on the wire. X-Sdk-Date must be within 15 minutes of `nowMs`. Returns the problem.
 */
export function verifyHuaweiAuth(
  r: ReceivedRequest,
  credentials: HuaweiTestCredentials,
  nowMs: number
): string | undefined {
  const token = r.headers['x-auth-token'];
  if (token !== undefined) return token === credentials.token ? undefined : 'token invalid';
  return verifyAkSk(r, credentials, nowMs);
}

function verifyAkSk(r: ReceivedRequest, credentials: HuaweiTestCredentials, nowMs: number): string | undefined {
  const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    r.headers['authorization'] ?? ''
  );
  if (m === null) return 'no SDK-HMAC-SHA256 Authorization header';
  const [, access, signedList = '', signature] = m;
  if (credentials.ak === undefined || access !== credentials.ak) return 'unknown access key';
  const date = r.headers['x-sdk-date'] ?? '';
  if (!signedList.split(';').includes('x-sdk-date') || !signedList.split(';').includes('host'))
    return 'host and x-sdk-date must be signed';
  const at = Date.parse(date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(at) || Math.abs(nowMs - at) > 15 * 60_000)
    return 'X-Sdk-Date missing or more than 15 minutes off';
  const enc = (s: string): string =>
    encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const path = r.path
    .split('/')
    .map(s => enc(decodeURIComponent(s)))
    .join('/');
  const query = [...r.query.entries()]
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .sort()
    .join('&');
  const headerLines = signedList
    .split(';')
    .map(h => `${h}:${(r.headers[h] ?? '').trim()}\n`)
    .join('');
  const canonical = `${r.method}\n${path.endsWith('/') ? path : `${path}/`}\n${query}\n${headerLines}\n${signedList}\n${createHash('sha256').update(r.body).digest('hex')}`;
  const expected = createHmac('sha256', credentials.sk ?? '')
    .update(`SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`)
    .digest('hex');
  return expected === signature ? undefined : 'signature mismatch';
}

const fail = (status: number, code: string, msg: string): TestResponse => ({
  status,
  body: { error_code: code, error_msg: msg, request_id: 'req-test-0001' }
});

function checkBody(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'body is not JSON';
  }
  const dc = (parsed as { data_connector?: Record<string, unknown> }).data_connector;
  if (dc === undefined || typeof dc['connector_name'] !== 'string') return 'data_connector.connector_name missing';
  if (!SOURCE_TYPES.includes(String(dc['source_type']))) return 'data_connector.source_type invalid';
  if (typeof dc['source_info'] !== 'string') return 'data_connector.source_info must be a JSON string';
  try {
    const info = JSON.parse(dc['source_info']) as Record<string, unknown>;
    for (const k of ['db_name', 'user_name', 'password'])
      if (typeof info[k] !== 'string') return `source_info.${k} missing`;
  } catch {
    return 'source_info is not JSON';
  }
  return undefined;
}

/**
 * Starts a stand-in for the MRS data-connection API: checks path, method, X-Auth-Token or the AK/SK
 * signature, and the body shape; answers with the documented bodies (`{"result":"succeed"}`,
 * `{"connector_id"}`, the list) or Huawei-style `{error_code,error_msg}` errors; the API Gateway's 429
 * (APIG.0308, with Retry-After) while `state.throttleNext` lasts.
 */
export function startMrsTestServer(state: ThrottleState = { throttleNext: 0 }): Promise<TestHttpServer> {
  const connectors = new Map<string, Record<string, unknown>>([
    [
      '7d169c6c-ab50-4a56-a5d2-240ca20aabda',
      {
        connector_id: '7d169c6c-ab50-4a56-a5d2-240ca20aabda',
        connector_name: 'mrs-mysql-connector',
        source_type: 'RDS_MYSQL',
        source_info: '{"db_name":"default","user_name":"mrs","password":"*****"}'
      }
    ]
  ]);
  return startTestHttpServer(r => {
    const authProblem = verifyHuaweiAuth(r, MRS_TEST_CREDENTIALS, Date.now());
    if (authProblem !== undefined)
      return fail(401, 'APIG.0301', `Incorrect IAM authentication information: ${authProblem}`);
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      return {
        ...fail(429, 'APIG.0308', 'The throttling threshold has been reached: policy user over ratelimit'),
        headers: { 'retry-after': '1' }
      };
    }
    const m = /^\/v2\/([^/]+)\/data-connectors(?:\/([^/]+))?$/.exec(r.path);
    if (m === null || m[1] !== MRS_TEST_CREDENTIALS.projectId)
      return fail(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.');
    const id = m[2];
    if (r.method === 'GET' && id === undefined)
      return { status: 200, body: { total_count: connectors.size, data_connectors: [...connectors.values()] } };
    if (r.method === 'POST' && id === undefined) {
      const problem = checkBody(r.body);
      if (problem !== undefined) return fail(400, 'MRS.0001', problem);
      const newId = '0822239c1e80d4502f82c008937da9b5';
      connectors.set(newId, {
        connector_id: newId,
        ...(JSON.parse(r.body) as { data_connector: object }).data_connector
      });
      return { status: 201, body: { connector_id: newId } };
    }
    if (id === undefined) return fail(405, 'APIG.0101', 'method not allowed');
    if (!connectors.has(id)) return fail(404, 'MRS.0002', `data connector ${id} does not exist`);
    if (r.method === 'PUT') {
      const problem = checkBody(r.body);
      return problem === undefined ? { status: 200, body: { result: 'succeed' } } : fail(400, 'MRS.0001', problem);
    }
    if (r.method === 'DELETE') {
      connectors.delete(id);
      return { status: 204 };
    }
    return fail(405, 'APIG.0101', 'method not allowed');
  });
}
