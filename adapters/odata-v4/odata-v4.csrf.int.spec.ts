import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { liveRuntime } from './testing/live-runtime';

// The demo service's Gateway-style CSRF emulation (strict: token and session cookie required).
let demo: DemoService;
beforeAll(async () => {
  demo = await startDemoService({ csrf: 'strict' });
}, 60_000);
afterAll(() => demo?.stop());

const product = (id: number): string =>
  `<Request><Entity entitySet="Categories"><Property name="ID" value="${id}" isId="true"/><Property name="Name" value="Csrf ${id}"/></Entity></Request>`;

describe('odata-v4 against a CSRF-protected service', () => {
  it('fetches the token once per service and sends it with every write (csrf on by default)', async () => {
    const { invoke, requests } = liveRuntime();
    for (const id of [901, 902])
      expect((await invoke('CreateEntity', { serviceUrl: demo.v4Url }, product(id))).status).toBe(1);
    const fetches = requests.filter(r => r.headers?.['x-csrf-token'] === 'Fetch');
    expect(fetches).toHaveLength(1);
    const posts = requests.filter(r => r.method === 'POST');
    expect(posts.every(r => r.headers?.['x-csrf-token'] !== undefined && r.headers['cookie'] !== undefined)).toBe(true);
  });

  it('with csrf=false the service refuses the write, and the answer names the 403', async () => {
    const { invoke } = liveRuntime();
    const r = await invoke('CreateEntity', { serviceUrl: demo.v4Url, csrf: 'false' }, product(903));
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="HTTP_STATUS" httpStatus="403">');
    expect(r.output).toContain('CSRF token validation failed');
  });
});
