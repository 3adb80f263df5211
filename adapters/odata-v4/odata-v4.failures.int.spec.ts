import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { DEMO_METADATA_XML } from './testing/demo-model';
import { liveRuntime, resetDemo } from './testing/live-runtime';

let demo: DemoService;
const live = liveRuntime();
const run = (operation: string, params: Record<string, string>, input?: string) =>
  live.invoke(operation, { serviceUrl: demo.v4Url, ...params }, input);

/** A local server: `$metadata` from the demo model, everything else answered by `handle` (or never). */
async function localServer(
  handle?: (res: http.ServerResponse) => void
): Promise<{ url: string; close: () => Promise<void> }> {
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('$metadata'))
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(DEMO_METADATA_XML);
    if (handle === undefined) return void open.add(res); // never answers
    handle(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/odata/v4/demo/`,
    close: () =>
      new Promise(resolve => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

beforeAll(async () => {
  demo = await startDemoService();
}, 60_000);
afterAll(() => demo?.stop());
beforeEach(() => resetDemo(demo.v4Url));

describe('odata-v4 failure paths against live services', () => {
  it('unknown property: status -1 naming it, and no write request is sent', async () => {
    live.requests.length = 0;
    const r = await run(
      'CreateEntity',
      {},
      '<Request><Entity entitySet="Products"><Property name="ID" value="500"/><Property name="Colour" value="red"/></Entity></Request>'
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain('ODataDemo.Products has no property "Colour"');
    expect(live.requests.filter(q => q.method !== 'GET')).toEqual([]);
    expect((await run('ReadSingleEntity', { entitySet: 'Products', entityId: '500' })).status).toBe(-1);
  });

  it('401 with a wrong password; the password appears nowhere in the output', async () => {
    const password = 'Wr0ng-Passw0rd!';
    const r = await live.invoke('ReadEntitySet', {
      serviceUrl: demo.secureV4Url,
      entitySet: 'Products',
      user: 'tester',
      password
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="HTTP_STATUS" httpStatus="401">');
    expect(r.output).toContain('authentication failed');
    expect(r.output).not.toContain(password);
    expect(r.output).not.toContain(Buffer.from(`tester:${password}`).toString('base64'));
  });

  it('the right credentials read the secure service', async () => {
    const r = await live.invoke('ReadEntitySet', {
      serviceUrl: demo.secureV4Url,
      entitySet: 'Categories',
      user: 'tester',
      password: 'secret'
    });
    expect(r.status).toBe(1);
    expect(r.output).not.toContain('secret');
  });

  it('404 for an unknown key', async () => {
    const r = await run('ReadSingleEntity', { entitySet: 'Products', entityId: '4711' });
    expect(r.output).toContain('<Error code="HTTP_STATUS" httpStatus="404">');
    expect(r.output).toContain('Products(4711) answered 404 (not found)');
  });

  it('412 for a stale ETag, 428 for none (ETag entity Suppliers)', async () => {
    const envelope =
      '<Request><Entity entitySet="Suppliers"><Property name="ID" value="0" isId="true"/><Property name="Name" value="x"/></Entity></Request>';
    const stale = await run('UpdateEntity', { etag: 'W/"99"' }, envelope);
    expect(stale.status).toBe(-1);
    expect(stale.output).toContain('httpStatus="412"');
    expect(stale.output).toContain('the ETag in If-Match no longer matches');
    const none = await run('UpdateEntity', {}, envelope);
    expect(none.output).toContain('httpStatus="428"');
    expect(none.output).toContain('needs an If-Match ETag');
  });

  it('unreachable service (closed port) → TRANSPORT', async () => {
    const closed = await localServer();
    const url = closed.url;
    await closed.close();
    const r = await live.invoke('ReadCollections', { serviceUrl: url });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="TRANSPORT">');
    expect(r.output).toContain('ECONNREFUSED');
  });

  it('a service that never answers → TIMEOUT after timeoutMs', async () => {
    const silent = await localServer();
    try {
      const r = await live.invoke('ReadSingleEntity', {
        serviceUrl: silent.url,
        entitySet: 'Products',
        entityId: '1',
        timeoutMs: '300'
      });
      expect(r.status).toBe(-1);
      expect(r.output).toContain('<Error code="TIMEOUT">');
      expect(r.output).toContain('got no answer within 300 ms');
    } finally {
      await silent.close();
    }
  });

  it('500 with an OData error body → the service code and message', async () => {
    const failing = await localServer(res =>
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"code":"DB_DOWN","message":"database is down"}}')
    );
    try {
      const r = await live.invoke('ReadEntitySet', { serviceUrl: failing.url, entitySet: 'Products' });
      expect(r.status).toBe(-1);
      expect(r.output).toContain('<Error code="HTTP_STATUS" httpStatus="500">');
      expect(r.output).toContain('<ServiceError code="DB_DOWN">database is down</ServiceError>');
    } finally {
      await failing.close();
    }
  });

  it('$format=application/xml (the seed sample) is not sent: CAP would answer 501', async () => {
    live.requests.length = 0;
    const r = await run(
      'ReadEntitySet',
      {},
      '<QueryOptions entitySet="Categories"><Parameter name="format" value="application/xml"/></QueryOptions>'
    );
    expect(r.status).toBe(1);
    expect(live.requests.some(q => q.url.includes('format'))).toBe(false);
  });
});
