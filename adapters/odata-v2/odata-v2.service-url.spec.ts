import { createRuntime } from '../../src/index';
import { odataV2 } from './index';
import { createStubService, seedFile } from './testing/stub-service';

const ROOT = 'http://svc.test/sap/opu/odata/sap/ZDEMO_SRV/';
const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');

/** SAP systems are addressed with `?sap-client=100` on the service URL; the V2 connector used to drop it. */
describe('odata-v2 connector: a service URL with a query (sap-client)', () => {
  it('sends it with $metadata, reads, the CSRF fetch, writes and $batch', async () => {
    const stub = createStubService(metadata, r =>
      r.method === 'GET' && !r.url.includes('$metadata')
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"d":{"results":[]}}' }
        : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    const invoke = (operation: string, params: Record<string, string>, input?: string) =>
      runtime.invoke({
        connector: 'odata-v2',
        operation,
        params: { serviceUrl: `${ROOT}?sap-client=100`, ...params },
        ...(input === undefined ? {} : { input })
      });
    expect((await invoke('Read', { resourcePath: 'Products', queryOptions: '$top=1' })).status).toBe(1);
    expect((await invoke('Delete', { resourcePath: 'Products(1)' })).status).toBe(1);
    expect(stub.requests.map(r => `${r.method} ${r.url.slice(ROOT.length)}`)).toEqual([
      'GET $metadata?sap-client=100',
      'GET Products?$top=1&sap-client=100',
      'HEAD ?sap-client=100',
      'DELETE Products(1)?sap-client=100'
    ]);
  });

  it('reads $metadata once per service URL and user: another sap-client or user is another model', async () => {
    const stub = createStubService(metadata, () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"d":{"results":[]}}'
    }));
    const runtime = createRuntime([odataV2], { transport: stub });
    const read = (query: string, user = 'u') =>
      runtime.invoke({
        connector: 'odata-v2',
        operation: 'Read',
        params: { serviceUrl: `${ROOT}${query}`, resourcePath: 'Products', user, password: 'p' }
      });
    await read('?sap-client=100');
    await read('?sap-client=100');
    await read('?sap-client=200');
    await read('?sap-client=200', 'other');
    expect(stub.requests.filter(r => r.url.includes('$metadata')).map(r => r.url.slice(ROOT.length))).toEqual([
      '$metadata?sap-client=100',
      '$metadata?sap-client=200',
      '$metadata?sap-client=200'
    ]);
  });
});
