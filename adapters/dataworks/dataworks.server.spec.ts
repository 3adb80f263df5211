import fs from 'node:fs';
import path from 'node:path';
import { createRuntime } from '../../src/index';
import type { TestHttpServer } from '../../src/rest/testing/test-http-server';
import { restTransport, type Connector } from '../../src/sdk';
import { dataworksConnection } from './dataworks-connection';
import { DW_TEST_KEY, startDataworksTestServer, type DataworksServerState } from './testing/dataworks-test-server';
import { dataworks } from './index';

const sample = fs.readFileSync(
  path.join(__dirname, '../../fixtures/dataworks/UpdateDataServiceApi/doc-sample-v3/input.xml'),
  'utf8'
);

describe('dataworks against a local stand-in that verifies V3 and RPC signatures', () => {
  let server: TestHttpServer;
  const state: DataworksServerState = { throttleNext: 0 };
  const logs: string[] = [];
  const runtime = createRuntime([dataworks], { log: (_, m) => logs.push(m) });
  beforeAll(async () => {
    server = await startDataworksTestServer(state);
  });
  afterAll(() => server.stop());
  const params = (extra: Record<string, string> = {}) => ({
    endpoint: server.url,
    accessKeyId: DW_TEST_KEY.id,
    accessKeySecret: DW_TEST_KEY.secret,
    retryBaseDelayMs: '0',
    ...extra
  });

  it('updates the documented sample with a V3 signature the server accepts', async () => {
    const r = await runtime.invoke({
      connector: 'dataworks',
      operation: 'UpdateDataServiceApi',
      params: params(),
      input: sample
    });
    expect(r.output).toContain('<Property type="Boolean" value="true" name="Data"/>');
    expect(r.status).toBe(1);
    expect(server.received.at(-1)?.headers['authorization']).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI-test-key-id,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=/
    );
  });

  it('updates with the RPC signature and decodes the XML answer', async () => {
    const r = await runtime.invoke({
      connector: 'dataworks',
      operation: 'UpdateDataServiceApi',
      params: params({ signatureVersion: 'rpc', format: 'XML' }),
      input: sample
    });
    expect(r.status).toBe(1);
    expect(server.received.at(-1)?.query.get('SignatureMethod')).toBe('HMAC-SHA1');
  });

  it('reports a wrong secret as SignatureDoesNotMatch, without the secret, for both schemes', async () => {
    for (const signatureVersion of ['v3', 'rpc']) {
      const r = await runtime.invoke({
        connector: 'dataworks',
        operation: 'PublishDataServiceApi',
        params: params({ accessKeySecret: 'not-the-secret', signatureVersion }),
        input: '<PublishDataServiceApi><ProjectId>10001</ProjectId><ApiId>10000</ApiId></PublishDataServiceApi>'
      });
      expect(r.status).toBe(-1);
      expect(r.output).toContain('<ServiceError code="SignatureDoesNotMatch">');
      expect(r.output).not.toContain('not-the-secret');
    }
  });

  it('re-signs every retry (fresh nonce) through a 429 storm and succeeds when it clears', async () => {
    state.throttleNext = 2;
    const before = server.received.length;
    const r = await runtime.invoke({
      connector: 'dataworks',
      operation: 'PublishDataServiceApi',
      params: params(),
      input: '<PublishDataServiceApi><ProjectId>10001</ProjectId><ApiId>10000</ApiId></PublishDataServiceApi>'
    });
    expect(r.status).toBe(1);
    const nonces = server.received.slice(before).map(q => q.headers['x-acs-signature-nonce']);
    expect(nonces).toHaveLength(3);
    expect(new Set(nonces).size).toBe(3);
  });

  it('waits with bounded exponential backoff through the injected sleep, then reports the final 429', async () => {
    state.throttleNext = 10;
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const retry = { ...dataworksConnection.retry, sleep };
    const slowRuntime = createRuntime([
      { ...dataworks, prepareTransport: restTransport({ ...dataworksConnection, retry }) } satisfies Connector
    ]);
    const r = await slowRuntime.invoke({
      connector: 'dataworks',
      operation: 'UpdateDataServiceApi',
      params: { ...params(), retryBaseDelayMs: '500' },
      input: sample
    });
    expect(waits).toEqual([500, 1000, 2000]);
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Detail name="Attempts">4</Detail>');
    state.throttleNext = 0;
  });

  it('reports an unknown ApiId as FailEntities with ErrorCode and RequestId', async () => {
    const r = await runtime.invoke({
      connector: 'dataworks',
      operation: 'UpdateDataServiceApi',
      params: params(),
      input: sample.replace('<ApiId>10000</ApiId>', '<ApiId>99</ApiId>')
    });
    expect(r.output).toContain('<ServiceError code="Invalid.Api.NotExists">The API does not exist.</ServiceError>');
    expect(r.output).toMatch(/<Detail name="RequestId">TEST-\d+<\/Detail>/);
  });

  it('never logs the secret', () => {
    expect(logs.join('\n')).not.toContain(DW_TEST_KEY.secret);
  });
});
