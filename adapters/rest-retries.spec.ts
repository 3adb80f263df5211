import { createRuntime } from '../src/index';
import {
  ConnectorError,
  restTransport,
  type Connector,
  type HttpResponse,
  type RestConnection,
  type Transport
} from '../src/sdk';
import { hdpConnection } from './hdp/hdp-connection';
import { hdp } from './hdp/index';
import { mrsConnection } from './mrs/mrs-connection';
import { mrs } from './mrs/index';

// HDP and MRS retry 429 (the service refused the request) with bounded backoff, Retry-After honoured, and never
// resend a create that may have reached the server. The waits go through an injected sleep: nothing sleeps here.
const mrsEnvelope =
  '<data_connector><connector_name>c1</connector_name><source_type>RDS_MYSQL</source_type><source_info><db_name>d</db_name><user_name>u</user_name><password>Pw-Retry-01</password><rds_instance_id>i1</rds_instance_id></source_info></data_connector>';
const cases = [
  {
    name: 'hdp',
    connector: hdp,
    connection: hdpConnection as RestConnection<never>,
    change: {
      operation: 'RefreshODataModel',
      params: { serverUrl: 'https://hdp.example.com', user: 'u', password: 'Login-Pw-01', datasourceId: '42' },
      input: '',
      ok: '{"success":true}'
    },
    create: {
      operation: 'CreateDataSource',
      params: { serverUrl: 'https://hdp.example.com', user: 'u', password: 'Login-Pw-01' },
      input: '<dataSource><name>N</name><dataStore>1</dataStore><connectionType>Cloud</connectionType></dataSource>',
      check: 'ListDataSources'
    }
  },
  {
    name: 'mrs',
    connector: mrs,
    connection: mrsConnection as RestConnection<never>,
    change: {
      operation: 'UpdateDataConnection',
      params: { endpoint: 'https://mrs.example.com', projectId: 'p1', token: 'Tok-Retry-01', connectorId: 'c1' },
      input: mrsEnvelope,
      ok: '{"result":"succeed"}'
    },
    create: {
      operation: 'CreateDataConnection',
      params: { endpoint: 'https://mrs.example.com', projectId: 'p1', token: 'Tok-Retry-01' },
      input: mrsEnvelope,
      check: 'ListDataConnections'
    }
  }
];

const answers = (...seq: Array<HttpResponse | ConnectorError>): { transport: Transport; sent: () => number } => {
  let n = 0;
  return {
    sent: () => n,
    transport: {
      send: async () => {
        const next = seq[Math.min(n++, seq.length - 1)];
        if (next instanceof ConnectorError) throw next;
        return next ?? { status: 500, headers: {}, body: '' };
      }
    }
  };
};
const throttled: HttpResponse = { status: 429, headers: { 'retry-after': '2' }, body: '' };

describe.each(cases)('$name retries', ({ connector, connection, change, create }) => {
  const run = (
    op: typeof change | typeof create,
    transport: Transport,
    waits: number[],
    extra: Record<string, string> = {}
  ) => {
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const patched: Connector = {
      ...connector,
      prepareTransport: restTransport({ ...connection, retry: { ...connection.retry, sleep } })
    };
    return createRuntime([patched], { transport }).invoke({
      connector: connector.name,
      operation: op.operation,
      params: { ...op.params, ...extra },
      input: op.input
    });
  };

  it('retries a 429, waiting as Retry-After says, and ends in status 1 when it clears', async () => {
    const waits: number[] = [];
    const { transport, sent } = answers(throttled, throttled, { status: 200, headers: {}, body: change.ok });
    const r = await run(change, transport, waits);
    expect(r.status).toBe(1);
    expect([sent(), waits]).toEqual([3, [2000, 2000]]);
  });

  it('ends a 429 storm after maxRetries with status -1 saying how many attempts were made', async () => {
    const waits: number[] = [];
    const { transport, sent } = answers({ status: 429, headers: {}, body: '' });
    const r = await run(change, transport, waits, { retryBaseDelayMs: '100' });
    expect(r.status).toBe(-1);
    expect([sent(), waits]).toEqual([4, [100, 200, 400]]);
    expect(r.output).toContain('answered 429');
    expect(r.output).toContain('too many requests: gave up after 4 attempts with backoff; retry later');
    expect(r.output).toContain('<Detail name="Attempts">4</Detail>');
  });

  it('retries a create on 429 but not on 500, and reports the 500 as an unknown outcome', async () => {
    const retried = answers(throttled, { status: 500, headers: {}, body: '' });
    const r = await run(create, retried.transport, []);
    expect(retried.sent()).toBe(2);
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      `the outcome is unknown: the request may have reached the server, so it was not sent again; check with ${create.check}`
    );
  });

  it('reports a create that timed out as an unknown outcome too, and an ordinary change without that note', async () => {
    const timeout = () => answers(new ConnectorError('TIMEOUT', 'POST https://x/ got no answer within 5 ms'));
    const created = await run(create, timeout().transport, []);
    expect(created.output).toContain('<Error code="TIMEOUT">');
    expect(created.output).toContain('the outcome is unknown');
    const changed = await run(change, timeout().transport, []);
    expect(changed.output).not.toContain('the outcome is unknown');
  });
});
