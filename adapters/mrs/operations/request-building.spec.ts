import { firstRequest } from '../../../src/rest/testing/first-request';
import { resolveParams, type ParamsOf } from '../../../src/sdk';
import { mrs } from '../index';
import { mrsAuthMiddleware, mrsParams } from '../mrs-connection';

const base = {
  endpoint: 'https://mrs.example.com',
  projectId: '274ee662a7e24cc99bfc858c4558dbf6',
  token: 'tok-unit-0001'
};
const build = (operation: string, given: Record<string, string>, xml?: string) =>
  firstRequest(mrs, operation, given, xml);

// The example request of "Updating a Data Connection" (MRS API reference), password as the document masks it.
const docEnvelope = `<data_connector>
  <connector_name>mrs-mysql-connector</connector_name>
  <source_type>RDS_MYSQL</source_type>
  <source_info><db_name>default</db_name><user_name>mrs</user_name><password>*****</password><rds_instance_id>3aa55f1cb4c3491686936130f21e9f16in01</rds_instance_id></source_info>
</data_connector>`;
const docBody =
  '{"data_connector":{"connector_name":"mrs-mysql-connector","source_type":"RDS_MYSQL","source_info":"{\\"db_name\\":\\"default\\",\\"user_name\\":\\"mrs\\",\\"password\\":\\"*****\\",\\"rds_instance_id\\":\\"3aa55f1cb4c3491686936130f21e9f16in01\\"}"}}';

describe('mrs request building', () => {
  it('UpdateDataConnection: PUT with the documented body, source_info as a JSON string', () => {
    const r = build(
      'UpdateDataConnection',
      { ...base, connectorId: '7d169c6c-ab50-4a56-a5d2-240ca20aabda' },
      docEnvelope
    );
    expect(r.method).toBe('PUT');
    expect(r.url).toBe(
      'https://mrs.example.com/v2/274ee662a7e24cc99bfc858c4558dbf6/data-connectors/7d169c6c-ab50-4a56-a5d2-240ca20aabda'
    );
    expect(r.headers?.['content-type']).toBe('application/json');
    expect(r.body).toBe(docBody);
  });

  it('accepts source_info given as JSON text, and keeps extra keys as strings', () => {
    const xml = docEnvelope.replace(
      /<source_info>.*<\/source_info>/,
      '<source_info>{"db_name":"d","user_name":"u","password":"p","rds_instance_id":"i","port":3306}</source_info>'
    );
    const r = build('CreateDataConnection', base, xml);
    expect(JSON.parse(JSON.parse(String(r.body)).data_connector.source_info)).toEqual({
      db_name: 'd',
      user_name: 'u',
      password: 'p',
      rds_instance_id: 'i',
      port: '3306'
    });
  });

  it('CreateDataConnection: POST to the collection', () => {
    const r = build('CreateDataConnection', base, docEnvelope);
    expect([r.method, r.url]).toEqual([
      'POST',
      'https://mrs.example.com/v2/274ee662a7e24cc99bfc858c4558dbf6/data-connectors'
    ]);
  });

  it('ListDataConnections: GET with the given filters only, in documented order', () => {
    const r = build('ListDataConnections', { ...base, connectorName: 'a b', available: 'true', limit: '5' });
    expect(r.url).toBe(
      'https://mrs.example.com/v2/274ee662a7e24cc99bfc858c4558dbf6/data-connectors?connector_name=a%20b&limit=5&available=true'
    );
    expect(r.body).toBeUndefined();
  });

  it('DeleteDataConnection: DELETE, connector_id encoded as one path segment', () => {
    const r = build('DeleteDataConnection', { ...base, connectorId: 'abc_1-2' });
    expect([r.method, r.url]).toEqual([
      'DELETE',
      'https://mrs.example.com/v2/274ee662a7e24cc99bfc858c4558dbf6/data-connectors/abc_1-2'
    ]);
  });

  it('refuses a connector id that is not 1-64 letters, digits, _ or -', () => {
    expect(() => build('DeleteDataConnection', { ...base, connectorId: '../x' })).toThrow(/connectorId/);
  });

  it('refuses a project id of more than 64 characters', () => {
    expect(() => build('DeleteDataConnection', { ...base, projectId: 'a'.repeat(65), connectorId: 'x' })).toThrow(
      /projectId/
    );
  });

  it('adds X-Auth-Token in token mode, and signs in AK/SK mode with the injected clock', async () => {
    const seen: Array<Record<string, string>> = [];
    const next = async (req: { headers?: Readonly<Record<string, string>> }) => {
      seen.push({ ...req.headers });
      return { status: 200, headers: {}, body: '' };
    };
    const request = {
      method: 'GET' as const,
      url: 'https://mrs.example.com/v2/p/data-connectors',
      headers: { accept: 'application/json' }
    };
    const params = (given: Record<string, string>) =>
      resolveParams(mrsParams, { endpoint: 'https://mrs.example.com', projectId: 'p', ...given }) as ParamsOf<
        typeof mrsParams
      >;
    await mrsAuthMiddleware(params({ token: 'tok-unit-0001' }), { now: () => new Date() })(request, next);
    await mrsAuthMiddleware(params({ accessKeyId: 'AKUNIT', secretAccessKey: 'skunit' }), {
      now: () => new Date('2026-01-01T00:00:00Z')
    })(request, next);
    expect(seen[0]?.['x-auth-token']).toBe('tok-unit-0001');
    expect(seen[1]?.['x-sdk-date']).toBe('20260101T000000Z');
    expect(seen[1]?.['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=AKUNIT, SignedHeaders=accept;host;x-sdk-date, Signature=[0-9a-f]{64}$/
    );
  });
});
