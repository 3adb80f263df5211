import { createRuntime } from '../../../src/index';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

// INF, -INF and NaN are Edm.Double/Edm.Single values in OData V2 (JSON verbose sends them as strings).
// Live: CAP answers 201 but stores them as null, so the demo service cannot show a round trip.
const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';
const product = (double: string, single: string) =>
  `<Products><Product><ID>1</ID><ReleaseDate>1992-01-01T00:00:00</ReleaseDate><Rating>4</Rating><Price>2.5</Price><unitsPresent>${double}</unitsPresent><Discount>${single}</Discount></Product></Products>`;

describe('Edm.Double and Edm.Single INF, -INF, NaN', () => {
  it.each([
    ['INF', '-INF', 'INF', '-INF'],
    ['NaN', 'INF', 'NaN', 'INF'],
    ['-INFd', 'NaNf', '-INF', 'NaN']
  ])('Create sends %s / %s as the JSON strings %s / %s', async (double, single, sentDouble, sentSingle) => {
    const stub = createStubService(metadata);
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl },
      input: product(double, single)
    });
    expect(r.status).toBe(1);
    expect(stub.jsonBodies()).toEqual([expect.objectContaining({ unitsPresent: sentDouble, Discount: sentSingle })]);
  });

  it('Create over Atom writes them as the d: property text', async () => {
    const stub = createStubService(metadata, r =>
      r.method === 'POST' ? { status: 204, headers: {}, body: '' } : undefined
    );
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl, format: 'atom' },
      input: product('-INF', 'NaN')
    });
    expect(r.status).toBe(1);
    const body = String(stub.requests.find(q => q.method === 'POST')?.body);
    expect(body).toContain('<d:unitsPresent m:type="Edm.Double">-INF</d:unitsPresent>');
    expect(body).toContain('<d:Discount m:type="Edm.Single">NaN</d:Discount>');
  });

  it('Read decodes them from JSON strings, and a read result is a valid payload again', async () => {
    const answer = {
      status: 200,
      headers: {},
      body: JSON.stringify({
        d: {
          results: [
            { ID: 1, ReleaseDate: '/Date(0)/', Rating: 1, Price: '1', unitsPresent: 'INF', Discount: '-Infinity' }
          ]
        }
      })
    };
    const stub = createStubService(metadata, r =>
      r.method === 'GET' && r.url.includes('Products') ? answer : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    const read = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products' }
    });
    expect(read.output).toContain('<unitsPresent>INF</unitsPresent>');
    expect(read.output).toContain('<Discount>-INF</Discount>');
    const created = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl },
      input: read.output.replace(/<\?xml[^>]*>\s*/, '')
    });
    expect(created.status).toBe(1);
    expect(stub.jsonBodies()).toEqual([expect.objectContaining({ unitsPresent: 'INF', Discount: '-INF' })]);
  });
});
