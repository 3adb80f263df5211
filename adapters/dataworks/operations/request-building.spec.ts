import fs from 'node:fs';
import path from 'node:path';
import { firstRequest } from '../../../src/rest/testing/first-request';
import { dataworks } from '../index';

const fixtures = path.join(__dirname, '../../../fixtures/dataworks');
const given = {
  endpoint: 'https://dataworks.cn-shanghai.aliyuncs.com',
  accessKeyId: 'k',
  accessKeySecret: 'secret-unit'
};
const build = (operation: string, xml: string) => firstRequest(dataworks, operation, given, xml);
const form = (body: unknown): URLSearchParams => new URLSearchParams(String(body));

// The sample request of the UpdateDataServiceApi reference ("Examples / Sample requests"), verbatim.
const SEED_WIZARD =
  '{"isPagedResponse":true,"wizardConnection":{"connectionId":122786,"tableName":"person"},"wizardRequestParameters":[{"columnName":"id","defaultValue":"","exampleValue":"1","isRequiredParameter":true,"parameterDataType":2,"parameterDescription":"","parameterName":"id","parameterOperator":0,"parameterPosition":0}],"wizardResponseParameters":[{"columnName":"id","exampleValue":"11","parameterDataType":2,"parameterDescription":"","parameterName":"id"}]}';
const SEED_SCRIPT =
  '{"isPagedResponse":false,"script":"select id as id1, name as name1 from person where id=${inputid}","scriptConnection":{"connectionId":122786,"tableName":"person"},"scriptRequestParameters":[{"defaultValue":"","exampleValue":"","isRequiredParameter":true,"parameterDataType":0,"parameterDescription":"","parameterName":"inputid","parameterOperator":0,"parameterPosition":1}],"scriptResponseParameters":[{"exampleValue":"","parameterDataType":0,"parameterDescription":"","parameterName":"id1"},{"exampleValue":"","parameterDataType":0,"parameterDescription":"","parameterName":"name1"}]}';
const SEED_REGISTRATION =
  '{"failedResultSample":"fail","registrationErrorCodes":[{"errorCode":"e1","errorMessage":"msg1","errorSolution":"sol1"},{"errorCode":"e2","errorMessage":"msg2","errorSolution":"sol2"}],"registrationRequestParameters":[{"columnName":"","defaultValue":"","exampleValue":"","isRequiredParameter":true,"parameterDataType":0,"parameterDescription":"","parameterName":"id","parameterOperator":0,"parameterPosition":1},{"columnName":"","defaultValue":"xx","exampleValue":"","isRequiredParameter":true,"parameterDataType":0,"parameterDescription":"","parameterName":"cc","parameterOperator":2,"parameterPosition":2}],"serviceContentType":1,"serviceHost":"http://www.baidu.com","servicePath":"/[uid]","serviceRequestBodyDescription":"body","successfulResultSample":"success"}';

describe('dataworks request building', () => {
  const sample = fs.readFileSync(path.join(fixtures, 'UpdateDataServiceApi/doc-sample-v3/input.xml'), 'utf8');

  it('UpdateDataServiceApi: builds the three *Details JSON strings of the documented sample, byte for byte', () => {
    const r = build('UpdateDataServiceApi', sample);
    const body = form(r.body);
    expect(body.get('WizardDetails')).toBe(SEED_WIZARD);
    expect(body.get('ScriptDetails')).toBe(SEED_SCRIPT);
    expect(body.get('RegistrationDetails')).toBe(SEED_REGISTRATION);
    expect(r.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('UpdateDataServiceApi: the other parameters travel in the query, as documented, with the action header', () => {
    const r = build('UpdateDataServiceApi', sample);
    const q = new URL(r.url).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      TenantId: '10001',
      ProjectId: '10001',
      ApiId: '10000',
      RequestMethod: '0',
      ResponseContentType: '0',
      Timeout: '10000',
      VisibleRange: '0',
      Protocols: '0,1',
      ApiPath: '/test/2',
      ApiDescription: 'Description of the test API',
      ResourceGroupId: '3242432423'
    });
    expect([r.method, r.headers?.['x-acs-action']]).toEqual(['POST', 'UpdateDataServiceApi']);
  });

  it('percent-encodes the form body the Alibaba way (space %20, * %2A)', () => {
    const xml = sample.replace('select id as id1', 'select * , id as id1');
    expect(String(build('UpdateDataServiceApi', xml).body)).toContain('select%20%2A%20%2C%20id%20as%20id1');
  });

  it('CreateDataServiceApi / Get / Publish / Delete / List send their action with their parameters', () => {
    const key = '<X><ProjectId>10001</ProjectId><ApiId>10000</ApiId></X>';
    for (const [spec, action] of [
      ['GetDataServiceApi', 'GetDataServiceApi'],
      ['PublishDataServiceApi', 'PublishDataServiceApi'],
      ['DeleteDataServiceApi', 'DeleteDataServiceApi']
    ] as const) {
      const r = build(spec, key.replace(/X>/g, `${action}>`));
      expect([r.headers?.['x-acs-action'], new URL(r.url).search, r.body]).toEqual([
        action,
        '?ProjectId=10001&ApiId=10000',
        undefined
      ]);
    }
    const list = build(
      'ListDataServiceApis',
      '<ListDataServiceApis><ProjectId>1</ProjectId><PageSize>50</PageSize></ListDataServiceApis>'
    );
    expect(new URL(list.url).search).toBe('?ProjectId=1&PageSize=50');
    const created = fs.readFileSync(path.join(fixtures, 'CreateDataServiceApi/success/input.xml'), 'utf8');
    expect(form(build('CreateDataServiceApi', created).body).get('WizardDetails')).toBe(SEED_WIZARD);
  });

  it('keeps Long IDs as text (no precision loss) and refuses non-digits', () => {
    const r = build(
      'GetDataServiceApi',
      '<GetDataServiceApi><ProjectId>10001</ProjectId><ApiId>9007199254740993</ApiId></GetDataServiceApi>'
    );
    expect(new URL(r.url).searchParams.get('ApiId')).toBe('9007199254740993');
    expect(() =>
      build('GetDataServiceApi', '<GetDataServiceApi><ProjectId>1</ProjectId><ApiId>12a</ApiId></GetDataServiceApi>')
    ).toThrow('a Long (1-19 digits)');
  });

  it('refuses a registration serviceHost that is not an http(s) host', () => {
    const xml = sample.replace('<serviceHost>http://www.baidu.com</serviceHost>', '<serviceHost>ftp://x</serviceHost>');
    expect(() => build('UpdateDataServiceApi', xml)).toThrow('an http(s) host URL without a path');
  });

  it('checks *Details given as JSON text as deeply as the element form, naming the bad path', () => {
    const asText = (name: string, json: string) =>
      sample.replace(
        new RegExp(`<${name}>[\\s\\S]*</${name}>`),
        `<${name}>${json.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`
      );
    expect(form(build('UpdateDataServiceApi', asText('WizardDetails', SEED_WIZARD)).body).get('WizardDetails')).toBe(
      SEED_WIZARD
    );
    expect(
      form(build('UpdateDataServiceApi', asText('RegistrationDetails', SEED_REGISTRATION)).body).get(
        'RegistrationDetails'
      )
    ).toBe(SEED_REGISTRATION);
    const bad = (name: string, json: string) => () => build('UpdateDataServiceApi', asText(name, json));
    expect(bad('WizardDetails', SEED_WIZARD.replace('"parameterOperator":0', '"parameterOperator":9'))).toThrow(
      'UpdateDataServiceApi/WizardDetails/wizardRequestParameters[1]/parameterOperator must be in [0, 3]'
    );
    expect(bad('WizardDetails', SEED_WIZARD.replace('"connectionId":122786', '"connectionId":"122786"'))).toThrow(
      'UpdateDataServiceApi/WizardDetails/wizardConnection/connectionId must be a JSON number'
    );
    expect(
      bad(
        'ScriptDetails',
        SEED_SCRIPT.replace(
          '"parameterDescription":"","parameterName":"id1"',
          '"parameterDescription":"","parameterName":"id1","name":"x"'
        )
      )
    ).toThrow('The JSON in UpdateDataServiceApi/ScriptDetails/scriptResponseParameters[1] has an unknown key "name"');
    expect(bad('RegistrationDetails', SEED_REGISTRATION.replace('{"errorCode":"e2",', '{'))).toThrow(
      'The JSON in UpdateDataServiceApi/RegistrationDetails/registrationErrorCodes[2] needs the key "errorCode"'
    );
    expect(
      bad(
        'RegistrationDetails',
        SEED_REGISTRATION.replace('"isRequiredParameter":true', '"isRequiredParameter":"true"')
      )
    ).toThrow('registrationRequestParameters[1]/isRequiredParameter must be a JSON boolean');
  });
});
