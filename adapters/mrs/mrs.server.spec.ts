import { createRuntime } from '../../src/index';
import type { TestHttpServer } from '../../src/rest/testing/test-http-server';
import { restTransport, type Connector } from '../../src/sdk';
import { mrs } from './index';
import { mrsConnection } from './mrs-connection';
import { MRS_TEST_CREDENTIALS as C, startMrsTestServer } from './testing/mrs-test-server';

const envelope = (password: string, sourceType = 'RDS_MYSQL'): string => `<data_connector>
  <connector_name>mrs-mysql-connector</connector_name>
  <source_type>${sourceType}</source_type>
  <source_info><db_name>default</db_name><user_name>mrs</user_name><password>${password}</password><rds_instance_id>3aa55f1cb4c3491686936130f21e9f16in01</rds_instance_id></source_info>
</data_connector>`;

describe('mrs against a local stand-in that checks auth, signature and body', () => {
  let server: TestHttpServer;
  const throttle = { throttleNext: 0 };
  const logs: string[] = [];
  const runtime = createRuntime([mrs], { log: (_, m) => logs.push(m) });
  beforeAll(async () => {
    server = await startMrsTestServer(throttle);
  });
  afterAll(() => server.stop());
  const ak = () => ({ endpoint: server.url, projectId: C.projectId, accessKeyId: C.ak, secretAccessKey: C.sk });

  it('updates with AK/SK signing (the server verifies the signature)', async () => {
    const r = await runtime.invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params: { ...ak(), connectorId: '7d169c6c-ab50-4a56-a5d2-240ca20aabda' },
      input: envelope('Db-Pass-Server-1')
    });
    expect(r.output).toContain('<OKEntities entitySet="DataConnector" httpStatus="200">');
    expect(r.status).toBe(1);
    expect(server.received.at(-1)?.headers['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=accept;content-type;host;x-sdk-date, Signature=[0-9a-f]{64}$/
    );
    expect(r.output).not.toContain('Db-Pass-Server-1');
  });

  it('creates, lists and deletes with an IAM token', async () => {
    const tokenParams = { endpoint: server.url, projectId: C.projectId, token: C.token };
    const created = await runtime.invoke({
      connector: 'mrs',
      operation: 'CreateDataConnection',
      params: tokenParams,
      input: envelope('Db-Pass-Server-2', 'RDS_POSTGRES')
    });
    expect(created.output).toContain(
      '<Property isId="true" type="String" value="0822239c1e80d4502f82c008937da9b5" name="connector_id"/>'
    );
    const listed = await runtime.invoke({
      connector: 'mrs',
      operation: 'ListDataConnections',
      params: { ...tokenParams, limit: '10' }
    });
    expect(listed.status).toBe(1);
    expect(listed.output).toContain('<Value type="String" name="password">***</Value>');
    expect(listed.output).not.toContain('Db-Pass-Server-2');
    const deleted = await runtime.invoke({
      connector: 'mrs',
      operation: 'DeleteDataConnection',
      params: { ...tokenParams, connectorId: '0822239c1e80d4502f82c008937da9b5' }
    });
    expect(deleted.status).toBe(1);
    expect(server.received.at(-1)?.method).toBe('DELETE');
  });

  it('reports a wrong secret key as 401 from the signature check, without the key', async () => {
    const r = await runtime.invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params: { ...ak(), secretAccessKey: 'wrong-secret-key', connectorId: '7d169c6c-ab50-4a56-a5d2-240ca20aabda' },
      input: envelope('Db-Pass-Server-3')
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      '<ServiceError code="APIG.0301">Incorrect IAM authentication information: signature mismatch</ServiceError>'
    );
    expect(r.output).toContain('authentication failed');
    expect(r.output).not.toContain('wrong-secret-key');
    expect(r.output).not.toContain('Db-Pass-Server-3');
  });

  it('reports an unknown connection as FailEntities with the service error', async () => {
    const r = await runtime.invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params: { ...ak(), connectorId: 'nope' },
      input: envelope('Db-Pass-Server-4')
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<FailEntities entitySet="DataConnector" httpStatus="404">');
    expect(r.output).toContain('<Detail name="RequestId">req-test-0001</Detail>');
  });

  it('re-signs each retry through 429s (Retry-After honoured) and succeeds; a longer storm ends in status -1 naming the attempts', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const patched = createRuntime([
      {
        ...mrs,
        prepareTransport: restTransport({ ...mrsConnection, retry: { ...mrsConnection.retry, sleep } })
      } satisfies Connector
    ]);
    const params = { ...ak(), connectorId: '7d169c6c-ab50-4a56-a5d2-240ca20aabda' };
    throttle.throttleNext = 2;
    const ok = await patched.invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params,
      input: envelope('Db-Pass-Server-5')
    });
    expect([ok.status, waits]).toEqual([1, [1000, 1000]]);
    throttle.throttleNext = 5;
    const storm = await patched.invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params: { ...params, maxRetries: '1' },
      input: envelope('Db-Pass-Server-5')
    });
    throttle.throttleNext = 0;
    expect(storm.status).toBe(-1);
    expect(storm.output).toContain('<ServiceError code="APIG.0308">');
    expect(storm.output).toContain('too many requests: gave up after 2 attempts with backoff; retry later');
    expect(storm.output).not.toContain('Db-Pass-Server-5');
  });

  it('never logs a secret', () => {
    const all = logs.join('\n');
    for (const s of [C.sk, C.token, 'Db-Pass-Server-1', 'Db-Pass-Server-2']) expect(all).not.toContain(s);
  });
});
