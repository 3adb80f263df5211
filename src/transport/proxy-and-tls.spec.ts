import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { operationsOf, type Connector } from '../connector/connector';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import type { ParamSpecs } from '../connector/param-spec';
import { send } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import { createRuntime, type InvokeResult } from '../runtime/runtime';
import { createTestPki, type TestPki } from '../testing/test-pki';
import { startTestProxy, type TestProxy } from '../testing/test-proxy';
import { createAxiosTransport } from './axios-transport';

// Live: a forward proxy, a plain service, an https service of a private CA and one that wants a client
// certificate, all on loopback; a test connector sends one GET through the real network transport.

interface Service {
  readonly url: string;
  /** Sockets the service accepted, and the most open at once. */
  readonly accepted: () => number;
  readonly peak: () => number;
  readonly close: () => Promise<void>;
}

async function startService(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Service> {
  let accepted = 0;
  let peak = 0;
  const open = new Set<Socket>();
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', (socket: Socket) => {
    accepted++;
    open.add(socket);
    peak = Math.max(peak, open.size);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted: () => accepted,
    peak: () => peak,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>(resolve => server.close(() => resolve()));
    }
  };
}

let delayMs = 0;
const answer: http.RequestListener = (req, res) => {
  const peer = (req.socket as { getPeerCertificate?: () => { subject?: { CN?: string } } }).getPeerCertificate?.();
  setTimeout(() => res.end(JSON.stringify({ path: req.url, client: peer?.subject?.CN ?? null })), delayMs);
};

let pki: TestPki;
let proxy: TestProxy;
let plain: Service;
let privateCa: Service;
let mutual: Service;
beforeAll(async () => {
  pki = createTestPki();
  proxy = await startTestProxy();
  plain = await startService(http.createServer(answer), 'http');
  privateCa = await startService(https.createServer({ cert: pki.serverCert, key: pki.serverKey }, answer), 'https');
  mutual = await startService(
    https.createServer(
      { cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert, requestCert: true, rejectUnauthorized: true },
      answer
    ),
    'https'
  );
});
afterAll(async () => {
  await Promise.all([proxy.close(), plain.close(), privateCa.close(), mutual.close()]);
});
beforeEach(() => {
  proxy.seen.length = 0;
  proxy.requireAuthorization(undefined);
  delayMs = 0;
});

const params = {
  serviceUrl: { type: 'url', required: true, description: 'x' },
  ...httpAuthParams
} as const satisfies ParamSpecs;
const probe: Connector = {
  name: 'probe',
  description: 'one GET through the connection parameters',
  params,
  prepareTransport: (transport, p) => prepareHttpTransport(transport, p),
  operations: {
    Get: operationsOf(params).define({
      description: 'GET serviceUrl/probe',
      envelope: 'none',
      read: () => undefined,
      *plan(_input, { params: p }) {
        const response = yield* send({ method: 'GET', url: `${p.serviceUrl}/probe` });
        if (response.status !== 200) throw new ConnectorError('HTTP_STATUS', `answered ${response.status}`);
        return { status: 1, output: response.body };
      },
      write: (output, w) => void w.leaf('Answer', [], output)
    })
  }
};

const PROXY_USER = 'proxy-user';
const PROXY_PASSWORD = 'pr0xy-s3cret!';
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const withCredentials = (url: string, password = PROXY_PASSWORD): string =>
  url.replace('://', `://${PROXY_USER}:${encodeURIComponent(password)}@`);

type Params = Readonly<Record<string, string | number | boolean>>;
let env: Record<string, string> = {};
let logged: string[] = [];
beforeEach(() => {
  env = {};
  logged = [];
});
// One runtime per call, as the ESB creates one per process: its transport reads the test's environment.
function call(serviceUrl: string, extra: Params = {}, dryRun = false): Promise<InvokeResult> {
  const runtime = createRuntime([probe], {
    transport: createAxiosTransport({ env }),
    log: (level, message) => void logged.push(`${level}: ${message}`),
    dryRun
  });
  return runtime.invoke({ connector: 'probe', operation: 'Get', params: { serviceUrl, ...extra } });
}

describe('a proxy', () => {
  it('forwards a plain-http request as an absolute URI, with Proxy-Authorization when the proxy URL has credentials', async () => {
    proxy.requireAuthorization(basic(PROXY_USER, PROXY_PASSWORD));
    const r = await call(plain.url, { proxy: withCredentials(proxy.url) });
    expect(r.status).toBe(1);
    expect(r.output).toContain('/probe');
    expect(proxy.seen).toEqual([
      { method: 'GET', target: `${plain.url}/probe`, proxyAuthorization: basic(PROXY_USER, PROXY_PASSWORD) }
    ]);
  });

  it('tunnels https with CONNECT (credentials on CONNECT only, the request never seen by the proxy)', async () => {
    proxy.requireAuthorization(basic(PROXY_USER, PROXY_PASSWORD));
    const r = await call(privateCa.url, { proxy: withCredentials(proxy.url), ca: pki.caCert });
    expect(r.status).toBe(1);
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: new URL(privateCa.url).host, proxyAuthorization: basic(PROXY_USER, PROXY_PASSWORD) }
    ]);
  });

  it('works without credentials', async () => {
    expect((await call(privateCa.url, { proxy: proxy.url, ca: pki.caCert })).status).toBe(1);
    expect((await call(plain.url, { proxy: proxy.url })).status).toBe(1);
    expect(proxy.seen.map(s => [s.method, s.proxyAuthorization])).toEqual([
      ['CONNECT', undefined],
      ['GET', undefined]
    ]);
  });

  it('is taken from HTTP_PROXY / HTTPS_PROXY (any case), and NO_PROXY names the hosts reached directly', async () => {
    env = { https_proxy: proxy.url, HTTP_PROXY: proxy.url };
    expect((await call(privateCa.url, { ca: pki.caCert })).status).toBe(1);
    expect((await call(plain.url)).status).toBe(1);
    expect(proxy.seen.map(s => s.method)).toEqual(['CONNECT', 'GET']);
    proxy.seen.length = 0;
    env = { HTTPS_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' };
    expect((await call(privateCa.url, { ca: pki.caCert })).status).toBe(1);
    expect((await call(plain.url)).status).toBe(1);
    expect(proxy.seen).toEqual([]);
  });

  it('refusing the credentials (407) ends in status -1 naming the proxy and what to check, the password nowhere', async () => {
    proxy.requireAuthorization(basic(PROXY_USER, 'the-right-one'));
    for (const url of [privateCa.url, plain.url]) {
      const r = await call(url, { proxy: withCredentials(proxy.url), ca: pki.caCert });
      expect(r.status).toBe(-1);
      expect(r.output).toContain('code="TRANSPORT"');
      expect(r.output).toContain(`the proxy ${proxy.url} refused the credentials (407 Proxy Authentication Required)`);
      expect(r.output).toContain('check the user and password');
      expect(r.output + logged.join('\n')).not.toContain(PROXY_PASSWORD);
      expect(r.output).not.toContain(encodeURIComponent(PROXY_PASSWORD));
    }
    // from the environment too: its password is in no parameter, and still shown nowhere
    env = { HTTPS_PROXY: withCredentials(proxy.url, 'env-pr0xy-pw') };
    const r = await call(privateCa.url, { ca: pki.caCert });
    expect(r.output).toContain('refused the credentials');
    expect(r.output + logged.join('\n')).not.toContain('env-pr0xy-pw');
  });

  it('refusing the tunnel ends in status -1 naming the proxy, the target and its answer', async () => {
    const target = new URL(privateCa.url).host;
    proxy.denied.add(target);
    try {
      const r = await call(privateCa.url, { proxy: proxy.url, ca: pki.caCert });
      expect(r.status).toBe(-1);
      expect(r.output).toContain(`the proxy ${proxy.url} would not open a tunnel to ${target} (it answered 403)`);
    } finally {
      proxy.denied.clear();
    }
  });

  it('that cannot be reached ends in status -1 naming it and where it was set', async () => {
    const closed = await startService(http.createServer(), 'http');
    await closed.close();
    for (const url of [privateCa.url, plain.url]) {
      const r = await call(url, { proxy: withCredentials(closed.url) });
      expect(r.status).toBe(-1);
      expect(r.output).toContain(
        `the proxy ${closed.url} cannot be reached: check the "proxy" parameter or HTTPS_PROXY`
      );
      expect(r.output).not.toContain(PROXY_PASSWORD);
    }
  });
});

describe('TLS', () => {
  it('refuses a service of a private CA until its CA is given in "ca"', async () => {
    const refused = await call(privateCa.url);
    expect(refused.status).toBe(-1);
    expect(refused.output).toContain('code="TRANSPORT"');
    expect(refused.output).toContain(`the TLS certificate of ${new URL(privateCa.url).host} is not trusted`);
    expect(refused.output).toContain('"ca" parameter');
    expect((await call(privateCa.url, { ca: pki.caCert })).status).toBe(1);
  });

  it('turns verification off only with trustAll, warning on every invocation', async () => {
    expect((await call(privateCa.url, { trustAll: true })).status).toBe(1);
    expect((await call(privateCa.url, { trustAll: 'true' })).status).toBe(1);
    const warnings = logged.filter(l => l.startsWith('warn: TLS certificate verification is OFF'));
    expect(warnings).toHaveLength(2);
  });

  it('presents a client certificate from cert/key, an encrypted key, or pfx', async () => {
    const presented: Params[] = [
      { cert: pki.clientCert, key: pki.clientKey },
      { cert: pki.clientCert, key: pki.clientKeyEncrypted, passphrase: pki.passphrase },
      { pfx: pki.clientPfx, passphrase: pki.passphrase }
    ];
    for (const tls of presented) {
      const r = await call(mutual.url, { ca: pki.caCert, ...tls });
      expect(r.status).toBe(1);
      expect(r.output).toContain('"client":"client"');
    }
  });

  it('a refused client certificate (none, or one the service does not trust) ends in status -1 saying what to check', async () => {
    const refusals: Params[] = [{}, { cert: pki.strangerCert, key: pki.strangerKey }];
    for (const tls of refusals) {
      const r = await call(mutual.url, { ca: pki.caCert, ...tls });
      expect(r.status).toBe(-1);
      expect(r.output).toContain('code="TRANSPORT"');
      expect(r.output).toMatch(
        /(refused the TLS handshake: it wants|closed the connection: .*a service that wants) a client certificate it trusts; check "cert" and "key"/
      );
    }
  });

  it('an unreadable PEM or a wrong passphrase ends in status -1 naming the parameter, before anything is sent', async () => {
    const cases: Array<[Params, RegExp]> = [
      [{ ca: 'not a certificate' }, /Parameter "ca" cannot be used \(no PEM certificate in it\): give the PEM text/],
      [{ cert: pki.clientCert, key: 'garbage-key-text' }, /Parameter "key" cannot be used/],
      [{ cert: 'garbage-cert-text', key: pki.clientKey }, /Parameter "cert" cannot be used/],
      [{ cert: pki.clientCert, key: pki.strangerKey }, /Parameter "key" cannot be used \(key values mismatch\)/],
      [
        { cert: pki.clientCert, key: pki.clientKeyEncrypted, passphrase: 'wrong-passphrase' },
        /"key".*check "passphrase"/
      ],
      [{ pfx: pki.clientPfx, passphrase: 'wrong-passphrase' }, /"pfx".*check "passphrase"/],
      [{ cert: pki.clientCert }, /needs both "cert" and "key"; "key" is missing/]
    ];
    const before = mutual.accepted();
    for (const [tls, message] of cases) {
      const r = await call(mutual.url, tls);
      expect(r.status).toBe(-1);
      expect(r.output).toMatch(/code="PARAMETER_(INVALID|MISSING)"/);
      expect(r.output).toMatch(message);
      expect(r.output).not.toContain('wrong-passphrase');
      expect(r.output).not.toContain('garbage-key-text');
    }
    expect(mutual.accepted()).toBe(before);
  });
});

describe('the socket pool', () => {
  it('bounds the sockets open to a service: 30 concurrent calls share maxSockets sockets', async () => {
    delayMs = 50;
    const runtime = createRuntime([probe], { transport: createAxiosTransport({ env }) });
    const service = await startService(http.createServer(answer), 'http');
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          runtime.invoke({ connector: 'probe', operation: 'Get', params: { serviceUrl: service.url, maxSockets: 4 } })
        )
      );
      expect(results.every(r => r.status === 1)).toBe(true);
      expect(service.peak()).toBeLessThanOrEqual(4);
      expect(service.accepted()).toBeLessThanOrEqual(4);
    } finally {
      await service.close();
    }
    // and by default, 16
    const fresh = await startService(http.createServer(answer), 'http');
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          runtime.invoke({ connector: 'probe', operation: 'Get', params: { serviceUrl: fresh.url } })
        )
      );
      expect(results.every(r => r.status === 1)).toBe(true);
      expect(fresh.accepted()).toBeLessThanOrEqual(16);
    } finally {
      await fresh.close();
    }
  });
});

describe('secrets of a connection', () => {
  it('appear in no output, log or dry-run text', async () => {
    const secrets = [PROXY_PASSWORD, pki.clientKeyEncrypted, pki.passphrase, pki.clientPfx];
    const results = [
      await call(mutual.url, {
        proxy: withCredentials(proxy.url),
        ca: pki.caCert,
        cert: pki.clientCert,
        key: pki.clientKeyEncrypted,
        passphrase: pki.passphrase
      }),
      await call(mutual.url, { proxy: withCredentials(proxy.url), pfx: pki.clientPfx, passphrase: 'wrong-passphrase' }),
      await call(
        mutual.url,
        { proxy: withCredentials(proxy.url), ca: pki.caCert, pfx: pki.clientPfx, passphrase: pki.passphrase },
        true
      ),
      await call(
        plain.url,
        {
          proxy: withCredentials(proxy.url),
          key: pki.clientKeyEncrypted,
          cert: pki.clientCert,
          passphrase: pki.passphrase
        },
        true
      )
    ];
    expect(results[0]?.status).toBe(1);
    const shown = [...results.map(r => r.output + (r.requests ?? []).map(q => q.text).join('\n')), ...logged].join(
      '\n'
    );
    expect(results[3]?.requests?.[0]?.text).toContain('GET http://127.0.0.1');
    for (const secret of [...secrets, 'wrong-passphrase', encodeURIComponent(PROXY_PASSWORD)])
      expect(shown).not.toContain(secret);
  });
});
