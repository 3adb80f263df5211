import { createRuntime } from '../../src/index';
import type { HttpRequest, HttpResponse } from '../../src/sdk';
import { odataV4 } from './index';
import { DEMO_METADATA_XML } from './testing/demo-model';
import { SERVICE } from './testing/scripted-runtime';

// $metadata is the model the runtime loads, caches per service and credential, and re-reads once when a plan
// finds the cached one outdated: a property the service added since is accepted, nothing else is sent twice.
describe('odata-v4 over the runtime-owned service model', () => {
  const withoutName = DEMO_METADATA_XML.replace(/<Property Name="Name" Type="Edm.String" MaxLength="100"\/>/, '');
  let metadata = withoutName;
  const requests: HttpRequest[] = [];
  const runtime = createRuntime([odataV4], {
    transport: {
      async send(request): Promise<HttpResponse> {
        requests.push(request);
        if (request.url === `${SERVICE}$metadata`) return { status: 200, headers: {}, body: metadata };
        return { status: 201, headers: { 'content-type': 'application/json' }, body: '{"ID":7,"Name":"n"}' };
      }
    }
  });
  const create = () =>
    runtime.invoke({
      connector: 'odata-v4',
      operation: 'CreateEntity',
      params: { serviceUrl: SERVICE, csrf: 'false' },
      input:
        '<Request><Entity entitySet="Categories"><Property name="ID" value="7"/><Property name="Name" value="n"/></Entity></Request>'
    });

  it('reads $metadata once for many calls, and once more when the envelope names a property it lacked', async () => {
    const first = await create();
    expect(first.status).toBe(-1);
    expect(first.output).toContain('has no property "Name"');
    metadata = DEMO_METADATA_XML; // the service adds Categories.Name
    const second = await create();
    expect(second.status).toBe(1);
    await create();
    expect(requests.map(r => `${r.method} ${r.url.replace(SERVICE, '')}`)).toEqual([
      'GET $metadata',
      'GET $metadata',
      'POST Categories',
      'POST Categories'
    ]);
  });
});
