import { startDemoService, type DemoService } from '../src/demo/demo-service';
import { createRuntime } from '../src/index';
import { createAxiosTransport } from '../src/transport/axios-transport';
import type { HttpRequest, Transport } from '../src/sdk';
import { odataV2 } from './odata-v2';
import { odataV4 } from './odata-v4';

// The caches of a long-running runtime ($metadata models, CSRF sessions) belong to the credential that filled
// them: a call with another credential (a wrong password, another caller of a host's transport) reads for itself.

let demo: DemoService;
beforeAll(async () => {
  demo = await startDemoService();
}, 60_000);
afterAll(() => demo?.stop());

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The network, keeping every request as it went out (credentials included) for the assertions. */
function recordingNetwork(): { transport: Transport; sent: HttpRequest[] } {
  const network = createAxiosTransport();
  const sent: HttpRequest[] = [];
  return { sent, transport: { send: request => (sent.push(request), network.send(request)) } };
}

const metadataReads = (sent: readonly HttpRequest[]): HttpRequest[] => sent.filter(r => r.url.includes('$metadata'));

describe.each([
  ['odata-v4', 'ReadEntitySet', (d: DemoService) => d.secureV4Url, { entitySet: 'Categories' }],
  ['odata-v2', 'Read', (d: DemoService) => d.secureV2Url, { resourcePath: 'Categories' }]
] as const)('%s caches are per credential', (connector, operation, urlOf, read) => {
  it('a wrong password after the right one sends its own request and fails with the 401, no schema shown', async () => {
    const { transport, sent } = recordingNetwork();
    const runtime = createRuntime([odataV4, odataV2], { transport });
    const call = (password: string) =>
      runtime.invoke({ connector, operation, params: { serviceUrl: urlOf(demo), user: 'tester', password, ...read } });

    expect((await call('secret')).status).toBe(1);
    sent.length = 0;
    const wrong = await call('not-the-password');

    expect(wrong.status).toBe(-1);
    expect(wrong.output).toContain('httpStatus="401"');
    // the cached model of the right password is not used: nothing of the protected service's schema shows
    expect(wrong.output).not.toMatch(/AdminOnly|Products|Categories"|entity sets/);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every(r => r.headers?.['authorization'] === basic('tester', 'not-the-password'))).toBe(true);
  });

  it('the same credential twice reads $metadata once', async () => {
    const { transport, sent } = recordingNetwork();
    const runtime = createRuntime([odataV4, odataV2], { transport });
    const params = { serviceUrl: urlOf(demo), user: 'tester', password: 'secret', ...read };
    expect((await runtime.invoke({ connector, operation, params })).status).toBe(1);
    expect((await runtime.invoke({ connector, operation, params })).status).toBe(1);
    expect(metadataReads(sent)).toHaveLength(1);
  });

  it('two identities through one custom transport that signs in itself keep separate caches', async () => {
    // A host's transport: it adds the caller's credential itself and names whose it is.
    const network = createAxiosTransport();
    const sent: HttpRequest[] = [];
    let caller: { user: string; password: string } = { user: 'tester', password: 'secret' };
    const signingIn: Transport = {
      send: request => {
        const signed = {
          ...request,
          headers: { ...request.headers, authorization: basic(caller.user, caller.password) }
        };
        sent.push(signed);
        return network.send(signed);
      },
      identity: () => `${caller.user}:${caller.password}`
    };
    const runtime = createRuntime([odataV4, odataV2], { transport: signingIn });
    const call = () => runtime.invoke({ connector, operation, params: { serviceUrl: urlOf(demo), ...read } });

    expect((await call()).status).toBe(1);
    caller = { user: 'tester', password: 'wrong' };
    const wrong = await call();
    expect(wrong.status).toBe(-1);
    expect(wrong.output).toContain('httpStatus="401"');
    caller = { user: 'viewer', password: 'viewer' };
    expect((await call()).status).toBe(1);
    // one model read per identity: tester, the wrong password (refused), viewer
    expect(metadataReads(sent).map(r => r.headers?.['authorization'])).toEqual([
      basic('tester', 'secret'),
      basic('tester', 'wrong'),
      basic('viewer', 'viewer')
    ]);
  });

  it('an expired $metadata is read again', async () => {
    const { transport, sent } = recordingNetwork();
    let clock = Date.parse('2026-12-05T10:00:00Z');
    const runtime = createRuntime([odataV4, odataV2], { transport, now: () => new Date(clock), cacheTtlMs: 60_000 });
    const params = { serviceUrl: urlOf(demo), user: 'tester', password: 'secret', ...read };
    await runtime.invoke({ connector, operation, params });
    clock += 59_000;
    await runtime.invoke({ connector, operation, params });
    expect(metadataReads(sent)).toHaveLength(1);
    clock += 2_000;
    expect((await runtime.invoke({ connector, operation, params })).status).toBe(1);
    expect(metadataReads(sent)).toHaveLength(2);
  });
});
