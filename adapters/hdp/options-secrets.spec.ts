import { createRuntime } from '../../src/index';
import type { HttpRequest, HttpResponse, Transport } from '../../src/sdk';
import { hdp } from './index';

// Data-store options carry credentials under many names (ODBC-style PWD, API keys of REST stores),
// not only "Password": every one must stay out of output, errors, logs and a dry run.
const SECRETS = {
  Password: 'Pw-Alpha-001',
  PWD: 'Pw-Bravo-002',
  ProxyPasswd: 'Pw-Charlie-003',
  ApiKey: 'Api-Delta-004',
  secret_key: 'Sk-Echo-005',
  AccessToken: 'Tok-Foxtrot-006'
};
const options = `${Object.entries(SECRETS)
  .map(([k, v]) => `<${k}>${v}</${k}>`)
  .join('')}<User>visible-user</User><KeyId>visible-key-id</KeyId>`;
const envelope = `<dataSource><name>Orders</name><dataStore>46</dataStore><connectionType>Cloud</connectionType><options>${options}</options></dataSource>`;
const params = { serverUrl: 'https://hdp.example.com', user: 'admin', password: 'login-pw-1' };
const stored = {
  id: '7',
  name: 'Orders',
  dataStore: 46,
  connectionType: 'Cloud',
  options: { ...SECRETS, User: 'visible-user', KeyId: 'visible-key-id' }
};

/** A service that answers reads with the stored data source and echoes writes back in its error. */
const service: Transport = {
  send: async (r: HttpRequest): Promise<HttpResponse> =>
    r.method === 'GET'
      ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(stored) }
      : {
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            error: { code: 222207007, message: { lang: 'en-US', value: `bad request ${String(r.body)}` } }
          })
        }
};

function expectNoSecret(text: string): void {
  for (const s of Object.values(SECRETS)) expect(text).not.toContain(s);
}

describe('hdp: every credential-like data-source option is a secret', () => {
  it('masks them in GetDataSource, keeping the user and IDs', async () => {
    const r = await createRuntime([hdp], { transport: service }).invoke({
      connector: 'hdp',
      operation: 'GetDataSource',
      params: { ...params, datasourceId: '7' }
    });
    expect(r.status).toBe(1);
    expect(r.output).toContain('visible-user');
    expect(r.output).toContain('visible-key-id');
    expectNoSecret(r.output);
  });

  it('keeps them out of output and logs when the service echoes the request', async () => {
    const logs: string[] = [];
    const r = await createRuntime([hdp], { transport: service, log: (_, m) => logs.push(m) }).invoke({
      connector: 'hdp',
      operation: 'CreateDataSource',
      params,
      input: envelope
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('visible-user');
    expectNoSecret(r.output + logs.join('\n'));
  });

  it('keeps them out of a dry run', async () => {
    const r = await createRuntime([hdp], { dryRun: true }).invoke({
      connector: 'hdp',
      operation: 'UpdateDataSource',
      params: { ...params, datasourceId: '7' },
      input: envelope
    });
    const printed = (r.requests ?? []).map(q => q.text).join('\n');
    expect(printed).toContain('visible-user');
    expectNoSecret(printed + r.output);
  });
});
