import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { startTestProxy, type TestProxy } from '../../src/testing/test-proxy';
import { liveRuntime } from './testing/live-runtime';

// odata-v4 end to end through a proxy that wants credentials: the $metadata read, the CSRF token fetch the
// CSRF middleware makes itself, and the write all go through it.
let demo: DemoService;
let proxy: TestProxy;
beforeAll(async () => {
  demo = await startDemoService({ csrf: 'strict' });
  proxy = await startTestProxy();
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await demo?.stop();
});

it('odata-v4 reads the model, fetches the CSRF token and writes through a proxy with credentials', async () => {
  const authorization = `Basic ${Buffer.from('proxy-user:Pr0xy-Pass-V4').toString('base64')}`;
  proxy.requireAuthorization(authorization);
  const { invoke } = liveRuntime();
  const entity =
    '<Request><Entity entitySet="Categories"><Property name="ID" value="951" isId="true"/><Property name="Name" value="Via proxy"/></Entity></Request>';
  const serviceUrl = demo.v4Url;
  const r = await invoke(
    'CreateEntity',
    { serviceUrl, proxy: proxy.url.replace('://', '://proxy-user:Pr0xy-Pass-V4@') },
    entity
  );
  expect(r.status).toBe(1);
  expect(r.output).not.toContain('Pr0xy-Pass-V4');
  expect(proxy.seen.map(s => `${s.method} ${s.target}`)).toEqual([
    `GET ${serviceUrl}$metadata`,
    `HEAD ${serviceUrl}`,
    `POST ${serviceUrl}Categories`
  ]);
  expect(proxy.seen.every(s => s.proxyAuthorization === authorization && s.target.startsWith('http://'))).toBe(true);
});
