import fs from 'node:fs';
import path from 'node:path';
import { createRuntime } from '../../src/index';
import type { TestHttpServer } from '../../src/rest/testing/test-http-server';
import { signAcs3 } from './acs3-signer';
import {
  DW_TEST_KEY,
  DW_TEST_VERSION,
  startDataworksTestServer,
  type DataworksServerState
} from './testing/dataworks-test-server';
import { dataworks } from './index';

const fixtures = path.join(__dirname, '../../fixtures/dataworks');
const createInput = fs.readFileSync(path.join(fixtures, 'CreateDataServiceApi/success/input.xml'), 'utf8');
const updateInput = fs.readFileSync(path.join(fixtures, 'UpdateDataServiceApi/doc-sample-v3/input.xml'), 'utf8');
const key = (action: string, apiId: string) =>
  `<${action}><ProjectId>10001</ProjectId><ApiId>${apiId}</ApiId></${action}>`;

describe('dataworks: every operation against the stand-in, which checks what Alibaba checks', () => {
  let server: TestHttpServer;
  const state: DataworksServerState = { throttleNext: 0 };
  const runtime = createRuntime([dataworks]);
  beforeAll(async () => {
    server = await startDataworksTestServer(state);
  });
  afterAll(() => server.stop());
  const invoke = (operation: string, input: string, extra: Record<string, string> = {}) =>
    runtime.invoke({
      connector: 'dataworks',
      operation,
      params: {
        endpoint: server.url,
        accessKeyId: DW_TEST_KEY.id,
        accessKeySecret: DW_TEST_KEY.secret,
        retryBaseDelayMs: '0',
        ...extra
      },
      input
    });

  it('creates, reads, updates, publishes, lists and deletes an API (V3), and reads it with RPC + XML', async () => {
    const created = await invoke('CreateDataServiceApi', createInput);
    expect(created.status).toBe(1);
    const apiId = /value="(\d+)" name="ApiId"/.exec(created.output)?.[1] ?? '';
    expect(apiId).toBe('10002');

    const read = await invoke('GetDataServiceApi', key('GetDataServiceApi', apiId));
    expect(read.status).toBe(1);
    expect(read.output).toContain('<Value type="String" name="ApiPath">/person/byid</Value>');
    expect(read.output).toContain('<Value type="Number" name="ConnectionId">122786</Value>');
    const readRpc = await invoke('GetDataServiceApi', key('GetDataServiceApi', apiId), {
      signatureVersion: 'rpc',
      format: 'XML'
    });
    expect(readRpc.output).toContain('<Value type="String" name="ApiPath">/person/byid</Value>');

    const updated = await invoke(
      'UpdateDataServiceApi',
      updateInput
        .replace('<ApiId>10000</ApiId>', `<ApiId>${apiId}</ApiId>`)
        .replace('<ApiPath>/test/2</ApiPath>', '<ApiPath>/person/v2</ApiPath>')
    );
    expect(updated.status).toBe(1);
    const published = await invoke('PublishDataServiceApi', key('PublishDataServiceApi', apiId));
    expect(published.status).toBe(1);

    const listed = await invoke(
      'ListDataServiceApis',
      '<ListDataServiceApis><ProjectId>10001</ProjectId><ApiPathKeyword>/person/v2</ApiPathKeyword><PageSize>50</PageSize></ListDataServiceApis>'
    );
    expect(listed.output).toContain('<Value type="Number" name="TotalCount">1</Value>');
    expect(listed.output).toContain(`<Value type="Number" name="ApiId">${apiId}</Value>`);
    expect(listed.output).toContain('<Value type="Number" name="Status">1</Value>');
    const listedXml = await invoke(
      'ListDataServiceApis',
      '<ListDataServiceApis><ProjectId>10001</ProjectId></ListDataServiceApis>',
      { signatureVersion: 'rpc', format: 'XML' }
    );
    expect(listedXml.output).toContain('<Array name="Apis">');

    const deleted = await invoke('DeleteDataServiceApi', key('DeleteDataServiceApi', apiId));
    expect(deleted.status).toBe(1);
    const gone = await invoke('GetDataServiceApi', key('GetDataServiceApi', apiId));
    expect(gone.status).toBe(-1);
    expect(gone.output).toContain('<ServiceError code="Invalid.Api.NotExists">');
    expect(server.received.map(r => r.headers['x-acs-action'] ?? r.query.get('Action'))).toEqual([
      'CreateDataServiceApi',
      'GetDataServiceApi',
      'GetDataServiceApi',
      'UpdateDataServiceApi',
      'PublishDataServiceApi',
      'ListDataServiceApis',
      'ListDataServiceApis',
      'DeleteDataServiceApi',
      'GetDataServiceApi'
    ]);
  });

  // Delete is retried on InternalError.*: when the failed attempt did delete, the retry meets Invalid.Api.NotExists.
  it('reports a delete whose 500 went through as done, saying the retry found the API already gone', async () => {
    const created = await invoke('CreateDataServiceApi', createInput.replace('/person/byid', '/person/gone'));
    const apiId = /value="(\d+)" name="ApiId"/.exec(created.output)?.[1] ?? '';
    state.failAfterActing = 1;
    const deleted = await invoke('DeleteDataServiceApi', key('DeleteDataServiceApi', apiId));
    expect(deleted.status).toBe(1);
    expect(deleted.output).toContain(`<OKEntities entitySet="DataServiceApi"`);
    expect(deleted.output).toContain('name="Outcome"');
    expect(deleted.output).toContain(
      'already deleted: attempt 1 of 2 answered 500 and the retry answered Invalid.Api.NotExists'
    );
    expect((await invoke('GetDataServiceApi', key('GetDataServiceApi', apiId))).status).toBe(-1);
  });

  it('still fails a delete of an unknown ApiId, also after a throttled attempt (the gateway refused it, nothing was done)', async () => {
    const unknown = await invoke('DeleteDataServiceApi', key('DeleteDataServiceApi', '99'));
    expect(unknown.status).toBe(-1);
    expect(unknown.output).toContain('<ServiceError code="Invalid.Api.NotExists">');
    state.throttleNext = 1;
    const afterThrottle = await invoke('DeleteDataServiceApi', key('DeleteDataServiceApi', '99'));
    expect(afterThrottle.status).toBe(-1);
    expect(afterThrottle.output).toContain('<FailEntities');
    expect(afterThrottle.output).not.toContain('name="Outcome"');
  });

  it('refuses a second API on the same path, as DataWorks does', async () => {
    const again = await invoke('CreateDataServiceApi', createInput.replace('/person/byid', '/test/2'));
    expect(again.output).toContain('<ServiceError code="Invalid.Api.PathExists">');
  });

  // Requests the connector would never send (it validates first), signed correctly, to show the stand-in catches them.
  describe('rejects what Alibaba would reject', () => {
    const send = async (
      action: string,
      query: Record<string, string>,
      form: Record<string, string> = {},
      version = DW_TEST_VERSION
    ) => {
      const body = new URLSearchParams(form).toString();
      const signed = signAcs3(
        {
          method: 'POST',
          url: `${server.url}/?${new URLSearchParams(query).toString()}`,
          headers: {
            'x-acs-action': action,
            ...(body === '' ? {} : { 'content-type': 'application/x-www-form-urlencoded' })
          },
          ...(body === '' ? {} : { body })
        },
        { accessKeyId: DW_TEST_KEY.id, accessKeySecret: DW_TEST_KEY.secret },
        version,
        new Date(),
        `raw-${Math.random()}`
      );
      const res = await fetch(signed.url, {
        method: 'POST',
        headers: { ...signed.headers },
        ...(body === '' ? {} : { body })
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const update = {
      ProjectId: '10001',
      ApiId: '10000',
      RequestMethod: '0',
      ResponseContentType: '0',
      Timeout: '10000',
      VisibleRange: '0',
      Protocols: '0',
      ApiPath: '/p',
      ApiDescription: 'd'
    };

    it('an unknown version or action', async () => {
      expect(await send('GetDataServiceApi', { ProjectId: '10001', ApiId: '10000' }, {}, '2019-01-01')).toMatchObject({
        ErrorCode: 'InvalidVersion'
      });
      expect(await send('DropDataServiceApi', { ProjectId: '10001' })).toMatchObject({
        ErrorCode: 'InvalidAction.NotFound'
      });
    });

    it('a missing or out-of-range parameter', async () => {
      expect(await send('PublishDataServiceApi', { ProjectId: '10001' })).toMatchObject({
        ErrorCode: 'MissingParameter',
        ErrorMessage: 'ApiId is mandatory for this action.'
      });
      expect(await send('UpdateDataServiceApi', { ...update, Timeout: '30001' })).toMatchObject({
        ErrorCode: 'Invalid.Param'
      });
      expect(await send('ListDataServiceApis', { ProjectId: '10001', PageSize: '51' })).toMatchObject({
        ErrorCode: 'Invalid.Param'
      });
    });

    it('*Details whose nested shape is wrong', async () => {
      const wizard = {
        wizardConnection: { connectionId: 1 },
        wizardRequestParameters: [{ parameterName: 'id', parameterOperator: 9 }]
      };
      expect(await send('UpdateDataServiceApi', update, { WizardDetails: JSON.stringify(wizard) })).toMatchObject({
        ErrorCode: 'Invalid.Param',
        ErrorMessage: 'WizardDetails.wizardRequestParameters[0].parameterOperator must be an integer in [0, 3]'
      });
      expect(await send('UpdateDataServiceApi', update, { ScriptDetails: '{"script":"select 1"}' })).toMatchObject({
        ErrorMessage: 'ScriptDetails.scriptConnection is required'
      });
      expect(await send('UpdateDataServiceApi', update, { RegistrationDetails: '{oops' })).toMatchObject({
        ErrorMessage: 'RegistrationDetails is not JSON'
      });
      const create = { ...update, GroupId: 'g', ApiName: 'abcd', ApiMode: '1' };
      expect(await send('CreateDataServiceApi', create)).toMatchObject({
        ErrorMessage: 'ApiMode 1 needs ScriptDetails'
      });
    });
  });
});
