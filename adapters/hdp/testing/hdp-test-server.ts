import {
  startTestHttpServer,
  type ReceivedRequest,
  type TestHttpServer,
  type TestResponse,
  type ThrottleState
} from '../../../src/rest/testing/test-http-server';

/** The login the stand-in HDP accepts, and one with only the ViewDataSource permission. */
export const HDP_TEST_LOGIN = {
  user: 'd2cadmin',
  password: 'hdp-TEST-pass-1',
  viewer: 'viewer',
  viewerPassword: 'hdp-TEST-pass-2'
} as const;

const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

/** Whether a request carries HTTP Basic auth for this login, as HDP's management and OData APIs require. */
export function verifyBasicLogin(r: ReceivedRequest, user: string, password: string): string | undefined {
  return r.headers['authorization'] === basic(user, password) ? undefined : 'no Basic authorization for the login';
}
const hdpError = (status: number, code: number, value: string): TestResponse => ({
  status,
  body: { error: { code, message: { lang: 'en-US', value } } }
});

/**
 * A stand-in for the HDP management API (error codes from the documented Data Sources API error messages:
 * 222207004 no such data source, 222207005 connectionType, 222207007 invalid JSON, 222207010 no connectionType):
 * checks Basic auth and permissions, paths and JSON bodies, keeps
 * data sources in memory, and answers 409 (code 222207054) to a model request while a build "runs"
 * unless `restart` is true, as the documentation describes; answers 429 with Retry-After while `state.throttleNext` lasts.
 */
export function startHdpTestServer(state: ThrottleState = { throttleNext: 0 }): Promise<TestHttpServer> {
  const sources = new Map<string, Record<string, unknown>>([
    [
      '42',
      {
        id: '42',
        name: 'SalesDB',
        dataStore: 46,
        connectionType: 'Cloud',
        description: '',
        options: { Password: 'stored-secret' }
      }
    ]
  ]);
  const building = new Set<string>(['42']);
  return startTestHttpServer(r => {
    const admin = verifyBasicLogin(r, HDP_TEST_LOGIN.user, HDP_TEST_LOGIN.password) === undefined;
    const viewer = verifyBasicLogin(r, HDP_TEST_LOGIN.viewer, HDP_TEST_LOGIN.viewerPassword) === undefined;
    if (!admin && !viewer) return { status: 401 };
    if (!admin && r.method !== 'GET') return { status: 403 };
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      return { status: 429, headers: { 'retry-after': '1' } };
    }
    let body: Record<string, unknown> = {};
    if (r.body !== '') {
      if (r.headers['content-type'] !== 'application/json')
        return hdpError(400, 222207007, 'Invalid JSON Input: Content-Type must be application/json');
      try {
        body = JSON.parse(r.body) as Record<string, unknown>;
      } catch {
        return hdpError(400, 222207007, 'Invalid JSON Input: malformed JSON');
      }
    }
    const model = /^\/api\/mgmt\/datasources\/([^/]+)\/model$/.exec(r.path);
    if (model !== null && r.method === 'POST') {
      const id = model[1] ?? '';
      if (!sources.has(id)) return hdpError(404, 222207004, `There is no DataSource with that id: ${id}.`);
      for (const k of Object.keys(body))
        if (!['user', 'password', 'restart'].includes(k))
          return hdpError(400, 222207007, `Invalid JSON Input: unknown field ${k}`);
      if (building.has(id) && body['restart'] !== true) {
        return hdpError(
          409,
          222207054,
          'Cannot start the OData Model Creation because it is currently running. Please see the documentation if you wish to restart the creation.'
        );
      }
      building.add(id);
      return { status: 200, body: { success: true } };
    }
    const one = /^\/api\/mgmt\/datasources\/([^/]+)$/.exec(r.path);
    if (r.path === '/api/mgmt/datasources' && r.method === 'GET')
      return { status: 200, body: { dataSources: [...sources.values()].map(({ options: _, ...s }) => s) } };
    if (r.path === '/api/mgmt/datasources' && r.method === 'POST') {
      if (typeof body['connectionType'] !== 'string')
        return hdpError(400, 222207010, "Missing 'connectionType' in payload.");
      if (body['connectionType'] !== 'Cloud' && body['connectionType'] !== 'Hybrid') {
        return hdpError(
          400,
          222207005,
          `Expected values for connectType : 'Cloud' / 'Hybrid'. Your value was ${String(body['connectionType'])}. Please try again with proper value.`
        );
      }
      if (typeof body['name'] !== 'string' || typeof body['dataStore'] !== 'number')
        return hdpError(400, 222207007, 'Invalid JSON Input: name and dataStore are required');
      const id = String(sources.size + 42);
      sources.set(id, { id, ...body });
      return { status: 201, body: { id, ...body, options: {} } };
    }
    if (one === null) return { status: 404 };
    const id = one[1] ?? '';
    const found = sources.get(id);
    if (found === undefined) return hdpError(404, 222207004, `There is no DataSource with that id: ${id}.`);
    if (r.method === 'GET') return { status: 200, body: found };
    if (r.method === 'PUT') {
      sources.set(id, { ...found, ...body });
      return { status: 200, body: sources.get(id) };
    }
    if (r.method === 'DELETE') {
      sources.delete(id);
      return { status: 204, body: { success: true } };
    }
    return { status: 405 };
  });
}
