import { createRuntime } from '../../src/index';
import type { HttpRequest, HttpResponse } from '../../src/sdk';
import { odataV4 } from './index';
import { DEMO_METADATA_XML } from './testing/demo-model';

const ROOT = 'http://svc.test/sap/opu/odata4/demo/';

/** SAP systems are addressed with `?sap-client=100` on the service URL; it used to be cut off without a word. */
describe('odata-v4 connector: a service URL with a query (sap-client)', () => {
  const requests: HttpRequest[] = [];
  const answer = (r: HttpRequest): HttpResponse => {
    const path = r.url.slice(ROOT.length).replace(/\?.*$/, '');
    if (path === '$metadata') return { status: 200, headers: {}, body: DEMO_METADATA_XML };
    if (r.headers?.['x-csrf-token'] === 'Fetch') return { status: 200, headers: { 'x-csrf-token': 'tok' }, body: '' };
    if (path === 'Products' && !r.url.includes('skiptoken')) {
      return {
        status: 200,
        headers: {},
        body: JSON.stringify({ value: [{ ID: 1 }], '@odata.nextLink': `${ROOT}Products?$skiptoken=1&sap-client=100` })
      };
    }
    return { status: 200, headers: {}, body: JSON.stringify(path === 'Products' ? { value: [{ ID: 2 }] } : { ID: 1 }) };
  };
  const runtime = createRuntime([odataV4], { transport: { send: async r => (requests.push(r), answer(r)) } });
  const invoke = (operation: string, params: Record<string, string>, input?: string) =>
    runtime.invoke({
      connector: 'odata-v4',
      operation,
      params: { serviceUrl: `${ROOT}?sap-client=100`, ...params },
      ...(input === undefined ? {} : { input })
    });

  it('sends it with $metadata, every read and page, the CSRF fetch and the write, once each', async () => {
    const read = await invoke(
      'ReadEntitySet',
      { entitySet: 'Products' },
      '<QueryOptions><Parameter name="filter" value="ID gt 0"/></QueryOptions>'
    );
    expect(read.status).toBe(1);
    const update = await invoke(
      'UpdateEntity',
      { entitySet: 'Products', entityId: '1' },
      '<Request><Entity><Property name="Name" value="x"/></Entity></Request>'
    );
    expect(update.status).toBe(1);
    expect(requests.map(r => `${r.method} ${r.url.slice(ROOT.length)}`)).toEqual([
      'GET $metadata?sap-client=100',
      'GET Products?$filter=ID%20gt%200&sap-client=100',
      'GET Products?$skiptoken=1&sap-client=100',
      'HEAD ?sap-client=100',
      'PATCH Products(1)?sap-client=100'
    ]);
  });
});
