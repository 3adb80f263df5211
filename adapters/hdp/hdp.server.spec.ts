import { createRuntime } from '../../src/index';
import type { TestHttpServer } from '../../src/rest/testing/test-http-server';
import { restTransport, type Connector } from '../../src/sdk';
import { hdpConnection } from './hdp-connection';
import { HDP_TEST_LOGIN as L, startHdpTestServer } from './testing/hdp-test-server';
import { hdp } from './index';

describe('hdp against a local stand-in that checks Basic auth, permissions and bodies', () => {
  let server: TestHttpServer;
  const throttle = { throttleNext: 0 };
  const logs: string[] = [];
  const runtime = createRuntime([hdp], { log: (_, m) => logs.push(m) });
  beforeAll(async () => {
    server = await startHdpTestServer(throttle);
  });
  afterAll(() => server.stop());
  const admin = () => ({ serverUrl: server.url, user: L.user, password: L.password });

  it('reports the running build as 409 FailEntities, then restarts it with restart=true', async () => {
    const first = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...admin(), datasourceId: '42' }
    });
    expect(first.status).toBe(-1);
    expect(first.output).toContain('<ServiceError code="222207054">Cannot start the OData Model Creation');
    const again = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...admin(), datasourceId: '42' },
      input: '<model><user>db</user><password>Db-Pass-HDP-1</password><restart>true</restart></model>'
    });
    expect(again.status).toBe(1);
    expect(JSON.parse(server.received.at(-1)?.body ?? '')).toEqual({
      user: 'db',
      password: 'Db-Pass-HDP-1',
      restart: true
    });
    expect(again.output).not.toContain('Db-Pass-HDP-1');
  });

  it('creates, reads (credentials masked), updates, lists and deletes a data source', async () => {
    const created = await runtime.invoke({
      connector: 'hdp',
      operation: 'CreateDataSource',
      params: admin(),
      input:
        '<dataSource><name>CRM</name><dataStore>1</dataStore><connectionType>Cloud</connectionType><options><Password>Db-Pass-HDP-2</Password></options></dataSource>'
    });
    expect(created.status).toBe(1);
    const id = /value="(\d+)" name="id"/.exec(created.output)?.[1] ?? '';
    expect(id).not.toBe('');
    const read = await runtime.invoke({
      connector: 'hdp',
      operation: 'GetDataSource',
      params: { ...admin(), datasourceId: id }
    });
    expect(read.output).toContain('<Value type="String" name="Password">***</Value>');
    expect(read.output).not.toContain('Db-Pass-HDP-2');
    const updated = await runtime.invoke({
      connector: 'hdp',
      operation: 'UpdateDataSource',
      params: { ...admin(), datasourceId: id },
      input: '<dataSource><description>CRM replica</description></dataSource>'
    });
    expect(updated.status).toBe(1);
    const listed = await runtime.invoke({
      connector: 'hdp',
      operation: 'ListDataSources',
      params: { ...admin(), type: 'all' }
    });
    expect(listed.output).toContain('<Value type="String" name="description">CRM replica</Value>');
    expect(server.received.at(-1)?.rawUrl).toBe('/api/mgmt/datasources?type=all');
    const deleted = await runtime.invoke({
      connector: 'hdp',
      operation: 'DeleteDataSource',
      params: { ...admin(), datasourceId: id }
    });
    expect(deleted.status).toBe(1);
  });

  it('reports a wrong password as 401 without the password', async () => {
    const r = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...admin(), password: 'wrong-pass-123', datasourceId: '42' }
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('answered 401 (authentication failed');
    expect(r.output).not.toContain('wrong-pass-123');
  });

  it('reports a user without ModifyDataSource as 403 naming the permissions', async () => {
    const r = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { serverUrl: server.url, user: L.viewer, password: L.viewerPassword, datasourceId: '42' }
    });
    expect(r.output).toContain('the user needs the MgmtAPI (11) and ModifyDataSource (3) permissions');
  });

  it('reports an unreachable server as TRANSPORT, status -1', async () => {
    const stopped = await startHdpTestServer();
    await stopped.stop();
    const r = await runtime.invoke({
      connector: 'hdp',
      operation: 'GetDataSource',
      params: { serverUrl: stopped.url, user: L.user, password: L.password, datasourceId: '42' }
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="TRANSPORT">');
    expect(r.output).not.toContain(L.password);
  });

  it('waits out 429s as Retry-After says, then refreshes; a longer storm ends in status -1 naming the attempts', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const patched = createRuntime([
      {
        ...hdp,
        prepareTransport: restTransport({ ...hdpConnection, retry: { ...hdpConnection.retry, sleep } })
      } satisfies Connector
    ]);
    const input = '<model><restart>true</restart></model>';
    throttle.throttleNext = 2;
    const ok = await patched.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...admin(), datasourceId: '42' },
      input
    });
    expect([ok.status, waits]).toEqual([1, [1000, 1000]]);
    throttle.throttleNext = 5;
    const storm = await patched.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...admin(), datasourceId: '42', maxRetries: '1' },
      input
    });
    throttle.throttleNext = 0;
    expect(storm.status).toBe(-1);
    expect(storm.output).toContain(
      'answered 429 (too many requests: gave up after 2 attempts with backoff; retry later)'
    );
  });

  it('never logs a secret', () => {
    for (const s of [L.password, 'Db-Pass-HDP-1', 'Db-Pass-HDP-2']) expect(logs.join('\n')).not.toContain(s);
  });
});
