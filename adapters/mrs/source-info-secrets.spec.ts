import { createRuntime } from '../../src/index';
import { secretsOf } from '../../src/rest/json-shape';
import { parseXml, type HttpRequest, type Transport } from '../../src/sdk';
import { dataConnectorShape } from './data-connector-envelope';
import { mrs } from './index';

// Every credential a source_info can carry, beside the password the API reference shows.
const SECRETS = {
  password: 'Pw-Alpha-001',
  pwd: 'Pw-Bravo-002',
  secret_key: 'Sk-Charlie-003',
  access_key: 'Ak-Delta-004',
  api_key: 'Api-Echo-005',
  token: 'Tok-Foxtrot-006'
};
const envelope = `<data_connector><connector_name>c1</connector_name><source_type>RDS_MYSQL</source_type><source_info>
  <db_name>default</db_name><user_name>mrs</user_name><rds_instance_id>inst-visible-01</rds_instance_id>
  ${Object.entries(SECRETS)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}
</source_info></data_connector>`;
const params = { endpoint: 'https://mrs.example.com', projectId: 'p1', token: 'iam-tok-0001' };

/** A service that echoes the whole request back in its error, raw and as JSON text (the worst case). */
const echo: Transport = {
  send: async (r: HttpRequest) => ({
    status: 400,
    headers: {},
    body: JSON.stringify({ error_code: 'MRS.0001', error_msg: `bad request ${r.url} ${String(r.body)}` })
  })
};

describe('mrs: every credential in source_info is a secret', () => {
  it('finds password-, secret-, token- and key-like keys, but not IDs, in elements and in JSON text', () => {
    const info = { ...SECRETS, rds_instance_id: 'i', access_key_id: 'AKID', db_name: 'd', port: 1 };
    const asElements = `<data_connector><source_info>${Object.entries(info)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</source_info></data_connector>`;
    const asJson = `<data_connector><source_info>${JSON.stringify(info)}</source_info></data_connector>`;
    expect(secretsOf(parseXml(asElements), dataConnectorShape)).toEqual(Object.values(SECRETS));
    expect(secretsOf(parseXml(asJson), dataConnectorShape)).toEqual(Object.values(SECRETS));
  });

  it('keeps them out of output, errors and logs when the service echoes the request', async () => {
    const logs: string[] = [];
    const r = await createRuntime([mrs], { transport: echo, log: (_, m) => logs.push(m) }).invoke({
      connector: 'mrs',
      operation: 'UpdateDataConnection',
      params: { ...params, connectorId: 'c-1' },
      input: envelope
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<FailEntities');
    expect(r.output).toContain('inst-visible-01');
    for (const s of Object.values(SECRETS)) {
      expect(r.output).not.toContain(s);
      expect(logs.join('\n')).not.toContain(s);
    }
  });

  it('keeps them out of a dry run', async () => {
    const r = await createRuntime([mrs], { dryRun: true }).invoke({
      connector: 'mrs',
      operation: 'CreateDataConnection',
      params,
      input: envelope
    });
    const printed = (r.requests ?? []).map(q => q.text).join('\n');
    expect(printed).toContain('inst-visible-01');
    for (const s of Object.values(SECRETS)) expect(printed + r.output).not.toContain(s);
  });
});
