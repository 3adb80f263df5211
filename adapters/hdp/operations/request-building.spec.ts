import { createRuntime } from '../../../src/index';
import { firstRequest } from '../../../src/rest/testing/first-request';
import { hdp } from '../index';
import { conflictHint } from './refresh-odata-model';

const base = { serverUrl: 'https://hdp.example.com:8443/', user: 'u', password: 'p4ss' };
const build = (operation: string, given: Record<string, string>, xml?: string) =>
  firstRequest(hdp, operation, given, xml);

describe('hdp request building', () => {
  it('RefreshODataModel: POST …/model with the documented sample payload', () => {
    const r = build(
      'RefreshODataModel',
      { ...base, datasourceId: '42' },
      '<model><user>MyDbId</user><password>MyDbSecret</password><restart>true</restart></model>'
    );
    expect([r.method, r.url]).toEqual(['POST', 'https://hdp.example.com:8443/api/mgmt/datasources/42/model']);
    expect(JSON.parse(String(r.body))).toEqual({ user: 'MyDbId', password: 'MyDbSecret', restart: true });
    expect(r.headers?.['content-type']).toBe('application/json');
  });

  it('RefreshODataModel without an envelope sends {}', () => {
    expect(build('RefreshODataModel', { ...base, datasourceId: '42' }).body).toBe('{}');
  });

  // an ESB hands over an empty <Request/> when there is nothing to say; it was refused as the wrong root
  it('RefreshODataModel with an empty <Request/> sends {} as without an envelope; one with content is still refused', async () => {
    const runtime = createRuntime([hdp], { dryRun: true });
    const empty = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...base, datasourceId: '42' },
      input: '<Request/>'
    });
    expect(empty.requests?.map(r => r.text)).toEqual([
      expect.stringMatching(/^POST https:\/\/hdp.example.com:8443\/api\/mgmt\/datasources\/42\/model\n[\s\S]*\n\{\}$/)
    ]);
    const full = await runtime.invoke({
      connector: 'hdp',
      operation: 'RefreshODataModel',
      params: { ...base, datasourceId: '42' },
      input: '<Request><restart>true</restart></Request>'
    });
    expect(full.status).toBe(-1);
    expect(full.output).toContain('root element is &lt;Request&gt;; expected &lt;model&gt;');
  });

  it('encodes the data source id as one path segment', () => {
    expect(build('GetDataSource', { ...base, datasourceId: 'a/b' }).url).toBe(
      'https://hdp.example.com:8443/api/mgmt/datasources/a%2Fb'
    );
  });

  it('ListDataSources joins filters with ";" as the documentation shows', () => {
    expect(build('ListDataSources', { ...base, member: '7', isOData: 'false' }).url).toBe(
      'https://hdp.example.com:8443/api/mgmt/datasources?member=7;isOData=false'
    );
  });

  it('CreateDataSource maps <dataSource> to the request definition (dataStore as a number, options as strings)', () => {
    const r = build(
      'CreateDataSource',
      base,
      '<dataSource><name>N</name><dataStore>46</dataStore><connectionType>Cloud</connectionType><options><PortNumber>5432</PortNumber></options></dataSource>'
    );
    expect(r.body).toBe('{"name":"N","dataStore":46,"connectionType":"Cloud","options":{"PortNumber":"5432"}}');
  });

  it('UpdateDataSource and DeleteDataSource address one data source', () => {
    expect(
      build('UpdateDataSource', { ...base, datasourceId: '42' }, '<dataSource><name>M</name></dataSource>').method
    ).toBe('PUT');
    expect(build('DeleteDataSource', { ...base, datasourceId: '42' }).method).toBe('DELETE');
  });

  it('refuses a back-end user without its password, or a password without its user, naming the missing one', () => {
    expect(() =>
      build('RefreshODataModel', { ...base, datasourceId: '42' }, '<model><user>MyDbId</user></model>')
    ).toThrow('<model> has <user> but no <password>');
    expect(() =>
      build(
        'RefreshODataModel',
        { ...base, datasourceId: '42' },
        '<model><password>MyDbSecret</password><restart>true</restart></model>'
      )
    ).toThrow('<model> has <password> but no <user>');
    expect(
      build('RefreshODataModel', { ...base, datasourceId: '42' }, '<model><restart>true</restart></model>').body
    ).toBe('{"restart":true}');
  });

  it('fits the 409 advice to what was sent: restart=true is suggested only when it was not sent', () => {
    expect(conflictHint({})).toContain('send <restart>true</restart>');
    expect(conflictHint({ restart: false })).toContain('send <restart>true</restart>');
    expect(conflictHint({ restart: true })).not.toContain('send <restart>');
    expect(conflictHint({ restart: true })).toContain('although restart=true was sent');
  });

  it('refuses a non-boolean restart before sending', () => {
    expect(() =>
      build('RefreshODataModel', { ...base, datasourceId: '42' }, '<model><restart>1</restart></model>')
    ).toThrow('model/restart must be true or false');
  });
});
