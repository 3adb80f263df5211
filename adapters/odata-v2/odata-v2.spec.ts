import { createRuntime } from '../../src/index';
import { ConnectorError, type HttpRequest, type HttpResponse } from '../../src/sdk';
import { odataV2 } from './index';
import { createStubService, seedFile } from './testing/stub-service';

// Failure paths that do not need a recording: parameters, the operation table, transport failures and
// bodies that are not what the service should send.
const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';
const invoke = (
  operation: string,
  params: Record<string, string>,
  answer?: (r: HttpRequest) => HttpResponse | undefined,
  input?: string
) =>
  createRuntime([odataV2], { transport: createStubService(metadata, answer) }).invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl, ...params },
    ...(input === undefined ? {} : { input })
  });

describe('odata-v2 failure paths', () => {
  it('lists the operations for an unknown one', async () => {
    const r = await invoke('Query', {});
    expect(r.status).toBe(-1);
    expect(r.output).toContain('OPERATION_UNKNOWN');
    expect(r.output).toContain(
      'Read, Create, Update, Merge, Patch, Delete, FunctionImport, Batch, Upsert, Link, Unlink'
    );
  });

  it('needs serviceUrl and checks enum parameters', async () => {
    const missing = await createRuntime([odataV2], { transport: createStubService(metadata) }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { resourcePath: 'Products' }
    });
    expect(missing.output).toContain('PARAMETER_MISSING');
    expect(missing.output).toContain('serviceUrl');
    const bad = await invoke('Read', { resourcePath: 'Products', format: 'xml' });
    expect(bad.output).toContain('Parameter "format" must be one of json, atom');
  });

  it('Read needs resourcePath', async () => {
    const r = await invoke('Read', {});
    expect(r.output).toMatch(/PARAMETER_MISSING[\s\S]*resourcePath/);
  });

  it('reports a timeout as TIMEOUT with status -1', async () => {
    const r = await invoke('Read', { resourcePath: 'Products' }, request => {
      if (request.url.includes('Products'))
        throw new ConnectorError('TIMEOUT', `GET ${request.url} got no answer within 60000 ms`);
      return undefined;
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="TIMEOUT">');
  });

  it('reports a 500 on $metadata with the service message', async () => {
    const stub = createStubService('', () => undefined);
    const failing = {
      send: (r: HttpRequest) =>
        r.url.endsWith('$metadata')
          ? Promise.resolve({
              status: 500,
              headers: {},
              body: '{"error":{"code":"X","message":{"lang":"en","value":"boom"}}}'
            })
          : stub.send(r)
    };
    const r = await createRuntime([odataV2], { transport: failing }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products' }
    });
    expect(r.output).toContain('answered 500 (internal server error): boom');
  });

  it('refuses an OData V4 service', async () => {
    const v4 =
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"/></edmx:DataServices></edmx:Edmx>';
    const r = await createRuntime([odataV2], { transport: createStubService(v4) }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products' }
    });
    expect(r.output).toContain('is an OData V4 service; use the odata-v4 connector');
  });

  it('reports a body that is not JSON as RESPONSE_INVALID', async () => {
    const r = await invoke('Read', { resourcePath: 'Products' }, () => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>login</html>'
    }));
    expect(r.output).toContain('RESPONSE_INVALID');
  });

  it('stops on a paging loop instead of reading forever', async () => {
    const r = await invoke('Read', { resourcePath: 'Products' }, () => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ d: { results: [], __next: `${serviceUrl}Products` } })
    }));
    expect(r.output).toContain('Paging does not end');
  });

  it('sends nothing for a bad envelope: no request beyond $metadata', async () => {
    const stub = createStubService(metadata);
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl },
      input: '<Products><Product><ID>x</ID></Product></Products>'
    });
    expect(r.output).toContain('"x" is not a valid Edm.Int32');
    expect(stub.requests.map(q => q.url)).toEqual([`${serviceUrl}$metadata`]);
  });

  it('gives a tunnelled bodiless DELETE an explicit content type (not the client default form type)', async () => {
    const stub = createStubService(metadata, r =>
      r.method === 'POST' ? { status: 204, headers: {}, body: '' } : undefined
    );
    await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Delete',
      params: { serviceUrl, resourcePath: 'Products(1)', methodTunneling: 'true' }
    });
    const del = stub.requests.find(r => r.url.endsWith('Products(1)'));
    expect(del).toMatchObject({
      method: 'POST',
      headers: { 'x-http-method': 'DELETE', 'content-type': 'application/json' }
    });
  });

  it('tunnels MERGE through POST with X-HTTP-Method but never inside $batch', async () => {
    const stub = createStubService(metadata, r =>
      r.url.endsWith('$batch')
        ? {
            status: 202,
            headers: { 'content-type': 'multipart/mixed; boundary=b' },
            body: '--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--c--\r\n--b--'
          }
        : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Merge',
      params: { serviceUrl, methodTunneling: 'true' },
      input: '<Products><Product><ID>1</ID><Rating>2</Rating></Product></Products>'
    });
    await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Batch',
      params: { serviceUrl, methodTunneling: 'true' },
      input:
        '<batchParts><batchChangeSet><batchChangeSetPart><method>MERGE</method><uri>Products(1)</uri><Products><Product><Rating>2</Rating></Product></Products></batchChangeSetPart></batchChangeSet></batchParts>'
    });
    const merge = stub.requests.find(r => r.url.endsWith('Products(1)'));
    expect(merge).toMatchObject({ method: 'POST', headers: { 'x-http-method': 'MERGE' } });
    const batch = stub.requests.find(r => r.url.endsWith('$batch'));
    expect(String(batch?.body)).toContain('MERGE Products(1) HTTP/1.1');
    expect(String(batch?.body)).not.toContain('x-http-method');
  });

  it('reads $metadata once per service in a runtime: later calls reuse it, another service gets its own', async () => {
    const stub = createStubService(metadata, r =>
      r.method === 'GET'
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"d":{"results":[]}}' }
        : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    for (const url of [serviceUrl, serviceUrl, 'http://stub.test/other/']) {
      expect(
        (
          await runtime.invoke({
            connector: 'odata-v2',
            operation: 'Read',
            params: { serviceUrl: url, resourcePath: 'Products' }
          })
        ).status
      ).toBe(1);
    }
    expect(stub.requests.filter(r => r.url.endsWith('$metadata')).map(r => r.url)).toEqual([
      `${serviceUrl}$metadata`,
      'http://stub.test/other/$metadata'
    ]);
  });
});
