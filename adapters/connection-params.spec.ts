import { createAxiosTransport, createRuntime } from '../src/index';
import { startTestProxy, type TestProxy } from '../src/testing/test-proxy';
import type { TestHttpServer } from '../src/rest/testing/test-http-server';
import { HDP_TEST_LOGIN as L, startHdpTestServer } from './hdp/testing/hdp-test-server';
import { allConnectors, hdp } from './index';

describe('the connection parameters (proxy, TLS, socket bound)', () => {
  it('are declared by every connector, the key material secret', () => {
    for (const connector of allConnectors) {
      const p = connector.params;
      expect([connector.name, Object.keys(p)]).toEqual([
        connector.name,
        expect.arrayContaining([
          'timeoutMs',
          'proxy',
          'ca',
          'cert',
          'key',
          'pfx',
          'passphrase',
          'trustAll',
          'maxSockets'
        ])
      ]);
      expect([p.key?.secret, p.pfx?.secret, p.passphrase?.secret, p.proxy?.type]).toEqual([true, true, true, 'url']);
    }
  });

  describe('on a REST connector (hdp)', () => {
    let proxy: TestProxy;
    let server: TestHttpServer;
    beforeAll(async () => {
      proxy = await startTestProxy();
      server = await startHdpTestServer();
    });
    afterAll(async () => {
      await proxy.close();
      await server.stop();
    });

    it('go through the proxy with its credentials, and the proxy password is shown nowhere', async () => {
      const logs: string[] = [];
      const runtime = createRuntime([hdp], {
        transport: createAxiosTransport({ env: {} }),
        log: (_, m) => logs.push(m)
      });
      const auth = `Basic ${Buffer.from('pu:Proxy-Pw-9').toString('base64')}`;
      proxy.requireAuthorization(auth);
      const params = { serverUrl: server.url, user: L.user, password: L.password };
      const r = await runtime.invoke({
        connector: 'hdp',
        operation: 'ListDataSources',
        params: { ...params, proxy: proxy.url.replace('://', '://pu:Proxy-Pw-9@') }
      });
      expect(r.status).toBe(1);
      expect(proxy.seen).toEqual([
        {
          method: 'GET',
          target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/mgmt\//),
          proxyAuthorization: auth
        }
      ]);
      const refused = await runtime.invoke({
        connector: 'hdp',
        operation: 'ListDataSources',
        params: { ...params, proxy: proxy.url.replace('://', '://pu:Wrong-Pw-9@') }
      });
      expect(refused.status).toBe(-1);
      expect(refused.output).toContain('refused the credentials (407 Proxy Authentication Required)');
      expect([r.output, refused.output, ...logs].join('\n')).not.toMatch(/Proxy-Pw-9|Wrong-Pw-9/);
    });
  });
});
