import { runCli } from '../src/cli/run-cli';
import { allConnectors } from './index';

// --dry-run sends nothing and prints every request; secrets from parameters, envelopes and the
// credentials the connectors' middlewares add must not appear in it (nor the signature they make).
async function dryRun(argv: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), readStdin: async () => input };
  const code = await runCli(['invoke', ...argv, '--dry-run', '--input', '-'], {
    connectors: allConnectors,
    demoSteps: () => [],
    version: '0.0.0-spec',
    io
  });
  return { code, out, err };
}

describe('iflow invoke --dry-run on the management connectors', () => {
  it('hdp: the data-store password in the model body is redacted', async () => {
    const argv = [
      'hdp',
      'RefreshODataModel',
      '--param',
      'serverUrl=https://hdp.test',
      '--param',
      'datasourceId=42',
      '--user',
      'admin',
      '--password',
      'Login-Pw-77'
    ];
    const { code, out } = await dryRun(
      argv,
      '<model><user>db</user><password>Db"Pw\\9</password><restart>true</restart></model>'
    );
    expect(code).toBe(0);
    expect(out).toContain('POST https://hdp.test/api/mgmt/datasources/42/model');
    expect(out).toContain('"password":"***"');
    expect(out).not.toMatch(/Db|Login-Pw-77/);
    expect(out).not.toContain(Buffer.from('admin:Login-Pw-77').toString('base64'));
  });

  it('mrs: the password inside the source_info JSON string and the IAM token are redacted', async () => {
    const argv = [
      'mrs',
      'UpdateDataConnection',
      '--param',
      'endpoint=https://mrs.test',
      '--param',
      'projectId=274ee662a7e24cc99bfc858c4558dbf6',
      '--param',
      'connectorId=c1',
      '--token',
      'Iam-Token-55'
    ];
    const input =
      '<data_connector><connector_name>c</connector_name><source_type>RDS_MYSQL</source_type><source_info><db_name>d</db_name><user_name>u</user_name><password>Src"Pw\\3</password><rds_instance_id>i1</rds_instance_id></source_info></data_connector>';
    const { code, out } = await dryRun(argv, input);
    expect(code).toBe(0);
    expect(out).toContain('PUT https://mrs.test/v2/274ee662a7e24cc99bfc858c4558dbf6/data-connectors/c1');
    expect(out).toContain('\\"password\\":\\"***\\"');
    expect(out).not.toMatch(/Src|Iam-Token-55/);
  });

  it('dataworks (RPC): the STS token and the signature in the query are redacted', async () => {
    const argv = [
      'dataworks',
      'PublishDataServiceApi',
      '--param',
      'endpoint=https://dw.test',
      '--param',
      'accessKeyId=LTAI-k',
      '--param',
      'accessKeySecret=Ak-Secret-99',
      '--param',
      'securityToken=Sts-Token-13',
      '--param',
      'signatureVersion=rpc'
    ];
    const { code, out } = await dryRun(
      argv,
      '<PublishDataServiceApi><TenantId>1</TenantId><ProjectId>2</ProjectId><ApiId>3</ApiId></PublishDataServiceApi>'
    );
    expect(code).toBe(0);
    expect(out).toContain('Action=PublishDataServiceApi');
    expect(out).toMatch(/SecurityToken=\*\*\*/);
    expect(out).toMatch(/Signature=\*\*\*/);
    expect(out).not.toMatch(/Sts-Token-13|Ak-Secret-99/);
  });

  it("--service-url stands for the connector's own URL parameter (hdp serverUrl, mrs endpoint)", async () => {
    const hdp = await dryRun(
      [
        'hdp',
        'GetDataSource',
        '--service-url',
        'https://hdp.test',
        '--param',
        'datasourceId=42',
        '--user',
        'a',
        '--password',
        'pw-1234'
      ],
      ''
    );
    expect(hdp.out).toContain('GET https://hdp.test/api/mgmt/datasources/42');
    const mrs = await dryRun(
      [
        'mrs',
        'ListDataConnections',
        '--service-url',
        'https://mrs.test',
        '--param',
        'projectId=p1',
        '--token',
        'tok-1234'
      ],
      ''
    );
    expect(mrs.out).toContain('GET https://mrs.test/v2/p1/data-connectors');
  });

  it("--service-url beside the connector's own URL parameter: the same URL is fine, a different one is a usage error", async () => {
    const same = await dryRun(
      [
        'hdp',
        'GetDataSource',
        '--service-url',
        'https://hdp.test',
        '--param',
        'serverUrl=https://hdp.test',
        '--param',
        'datasourceId=42'
      ],
      ''
    );
    expect(same.out).toContain('GET https://hdp.test/api/mgmt/datasources/42');
    const other = await dryRun(
      [
        'hdp',
        'GetDataSource',
        '--service-url',
        'https://a.test',
        '--param',
        'serverUrl=https://b.test',
        '--param',
        'datasourceId=42'
      ],
      ''
    );
    expect(other.code).toBe(2);
    expect(other.err).toContain('--service-url and --param serverUrl= give different URLs');
  });

  it('a request refused before anything is built exits 1 and says why', async () => {
    const argv = [
      'hdp',
      'RefreshODataModel',
      '--param',
      'serverUrl=https://hdp.test',
      '--param',
      'datasourceId=42',
      '--user',
      'admin',
      '--password',
      'Login-Pw-77'
    ];
    const { code, out, err } = await dryRun(argv, '<model><restart>yes</restart></model>');
    expect(code).toBe(1);
    expect(out.trim()).toBe('');
    expect(err).toContain('restart');
  });
});
