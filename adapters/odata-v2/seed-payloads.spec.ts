import { createRuntime } from '../../src/index';
import { odataV2 } from './index';
import { createStubService, seedFile } from './testing/stub-service';

// Every payload of the seed document, verbatim (with the blog's `//` annotations), runs unchanged against
// the V2 ODataDemo model the blog used (plus the Edm-typed Product properties of its type sample).
const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://seed.test/V2/OData/OData.svc/';

async function run(operation: string, file: string, params: Record<string, string> = {}) {
  const stub = createStubService(metadata);
  const runtime = createRuntime([odataV2], { transport: stub });
  const result = await runtime.invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl, ...params },
    input: seedFile(file)
  });
  return { ...result, stub };
}

const nullProduct = (...given: string[]) =>
  Object.fromEntries(
    [
      'Name',
      'Description',
      'DiscontinuedDate',
      'DistributeDate',
      'Picture',
      'Guid',
      'Discontinued',
      'unitsPresent',
      'Discount',
      'SaleStartTime'
    ]
      .filter(n => !given.includes(n))
      .map(n => [n, null])
  );

describe('seed payloads (SAP CPI OData V2 adapter) run unchanged', () => {
  it('Create with a complex property (Suppliers/Supplier/Address)', async () => {
    const { status, stub } = await run('Create', 'create-supplier-complex.xml');
    expect(status).toBe(1);
    expect(stub.requests.at(-1)).toMatchObject({ method: 'POST', url: `${serviceUrl}Suppliers` });
    expect(stub.jsonBodies()).toEqual([
      {
        ID: 2000,
        Name: 'KTM Supplier',
        Concurrency: 4,
        Address: { Street: 'NE 228th', City: 'Sammamish', State: 'WA', ZipCode: '98074', Country: 'UK' }
      }
    ]);
  });

  it('Create with every Edm type of the table, absent properties sent as null', async () => {
    const { status, stub } = await run('Create', 'create-edm-types.xml');
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([
      {
        ID: 2000,
        ReleaseDate: '/Date(694224000000)/',
        Rating: 4,
        Price: '2.5',
        DistributeDate: '/Date(1488666142123+0000)/',
        Picture: 'FRwvAAIAAAAAAQUAAAAAAADHrQX+',
        Guid: '12345678-abcd-bbbb-cccc-ddddeeeeffff',
        Discontinued: false,
        unitsPresent: '2.0',
        Discount: '0',
        SaleStartTime: 'PT22H22M22.123S',
        ...nullProduct('DistributeDate', 'Picture', 'Guid', 'Discontinued', 'unitsPresent', 'Discount', 'SaleStartTime')
      }
    ]);
  });

  it('Deep insert 1:1 (Product with a new Category)', async () => {
    const { status, stub } = await run('Create', 'deep-insert-1-1.xml');
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([
      {
        ID: 10012,
        ReleaseDate: '/Date(694224000123)/',
        Rating: 4,
        Price: '2.5',
        ...nullProduct(),
        Category: { ID: 10002, Name: 'Perfume' }
      }
    ]);
  });

  it('Deep insert 1:N (Category with three Products), milliseconds kept', async () => {
    const { status, stub } = await run('Create', 'deep-insert-1-n.xml');
    expect(status).toBe(1);
    const [body] = stub.jsonBodies() as [{ Products: Array<Record<string, unknown>> }];
    expect(body).toMatchObject({ Name: 'Detergents', ID: 123567 });
    expect(body.Products.map(p => [p['ID'], p['ReleaseDate'], p['Rating'], p['Price']])).toEqual([
      [521, '/Date(1128124800000)/', 3, undefined],
      [471, '/Date(1128124800999)/', 4, '19.9'],
      [491, '/Date(1128124800000)/', 3, undefined]
    ]);
  });

  it('Nested deep insert Category → Products → Supplier with a partial complex Address', async () => {
    const { status, stub } = await run('Create', 'deep-insert-nested.xml');
    expect(status).toBe(1);
    const [body] = stub.jsonBodies() as [{ Products: Array<{ ID: number; Supplier: unknown }> }];
    expect(body.Products.map(p => [p.ID, p.Supplier])).toEqual([
      [45661211, { ID: 123451, Concurrency: 1, Address: { Street: 'Shantinagar' }, Name: null }],
      [
        4566141,
        {
          ID: 12344222,
          Concurrency: 1,
          Address: { Street: 'Whitefield', City: 'Bangalore', State: 'Karnataka' },
          Name: null
        }
      ]
    ]);
  });

  it('Create with reference links to an existing Supplier and Category', async () => {
    const { status, stub } = await run('Create', 'create-reference-link.xml');
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([
      {
        ID: 309,
        ReleaseDate: '/Date(1483228800000)/',
        Rating: 3,
        ...nullProduct(),
        Supplier: { __metadata: { uri: 'Suppliers(1)' } },
        Category: { __metadata: { uri: 'Categories(1)' } }
      }
    ]);
  });

  it('Deep insert with a reference link inside the nested entity', async () => {
    const { status, stub } = await run('Create', 'deep-insert-reference-link.xml');
    expect(status).toBe(1);
    const [body] = stub.jsonBodies() as [{ Products: Array<Record<string, unknown>> }];
    expect(body.Products[0]).toMatchObject({
      ID: 18,
      Rating: 4,
      Price: '19.9',
      Supplier: { __metadata: { uri: 'Suppliers(1)' } }
    });
  });

  it('Merge with xsi:nil sets Rating to null as the seed\'s example does, though its model says Nullable="false": the service decides', async () => {
    const stub = createStubService(metadata);
    const input =
      '<Products xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Product><ID>1</ID><Rating xsi:nil="true"/></Product></Products>';
    const result = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Merge',
      params: { serviceUrl },
      input
    });
    expect(result.status).toBe(1);
    expect(stub.requests.at(-1)).toMatchObject({ method: 'MERGE', url: `${serviceUrl}Products(1)` });
    expect(stub.jsonBodies()).toEqual([{ ID: 1, Rating: null }]);
  });

  it('Atom: the Edm types payload as an Atom entry', async () => {
    const { status, stub } = await run('Create', 'create-edm-types.xml', { format: 'atom' });
    expect(status).toBe(1);
    const body = String(stub.requests.at(-1)?.body);
    expect(stub.requests.at(-1)?.headers?.['content-type']).toBe('application/atom+xml;type=entry');
    expect(body).toContain('<d:ReleaseDate m:type="Edm.DateTime">1992-01-01T00:00:00</d:ReleaseDate>');
    expect(body).toContain('<d:SaleStartTime m:type="Edm.Time">PT22H22M22.123S</d:SaleStartTime>');
    expect(body).toContain('<d:unitsPresent m:type="Edm.Double">2.0</d:unitsPresent>');
    expect(body).toContain('<d:Name m:type="Edm.String" m:null="true"/>');
  });

  it('Atom: the reference link payload links by absolute URIs (a relative href would resolve against the POST URL)', async () => {
    const { status, stub } = await run('Create', 'create-reference-link.xml', { format: 'atom' });
    expect(status).toBe(1);
    const body = String(stub.requests.at(-1)?.body);
    expect(body.match(/<link [^>]*\/>/g)).toEqual([
      `<link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/Supplier" type="application/atom+xml;type=entry" title="Supplier" href="${serviceUrl}Suppliers(1)"/>`,
      `<link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/Category" type="application/atom+xml;type=entry" title="Category" href="${serviceUrl}Categories(1)"/>`
    ]);
  });

  it('Batch: POST deep insert, POST via Categories(0)/Products, PUT by payload key, DELETE — four changesets in one $batch', async () => {
    const changeset = (status: string, body = '') =>
      `--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ${status}\r\n${body === '' ? '' : 'Content-Type: application/json\r\n'}\r\n${body}\r\n--changesetresponse_1--\r\n`;
    const stub = createStubService(metadata, request =>
      request.url.endsWith('$batch')
        ? {
            status: 202,
            headers: { 'content-type': 'multipart/mixed; boundary=batchresponse_1' },
            body: `${changeset('201 Created', '{"d":{"ID":23}}')}${changeset('201 Created', '{"d":{"ID":994}}')}${changeset('204 No Content')}${changeset('204 No Content')}--batchresponse_1--\r\n`
          }
        : undefined
    );
    const result = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Batch',
      params: { serviceUrl },
      input: seedFile('batch.xml')
    });
    expect(result.status).toBe(1);
    const batch = stub.requests.find(r => r.url === `${serviceUrl}$batch`);
    expect(batch?.headers?.['x-csrf-token']).toBe('stub-token');
    const lines = String(batch?.body).split('\r\n');
    expect(lines.filter(l => / HTTP\/1\.1$/.test(l))).toEqual([
      'POST Categories HTTP/1.1',
      'POST Categories(0)/Products HTTP/1.1',
      'PUT Products(1) HTTP/1.1',
      'DELETE Categories(23) HTTP/1.1'
    ]);
    const bodies = lines.filter(l => l.startsWith('{')).map(l => JSON.parse(l) as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({
      ID: 23,
      Products: [{ ID: 876, ReleaseDate: '/Date(694224000000)/', Rating: 4, Price: '2.5' }]
    });
    expect(bodies[1]).toMatchObject({ ID: 994, ReleaseDate: '/Date(694295122909)/' });
    expect(bodies[2]).toMatchObject({ ID: 1, ReleaseDate: '/Date(694224000453)/', Name: null });
    expect(result.output.match(/<statusCode>/g)).toHaveLength(4);
  });

  it('Upsert (SuccessFactors): two Users, one with a deep manager, one with a link to hr; per-entity results mapped', async () => {
    const sfsf = seedFile('sfsf-user.metadata.xml');
    const stub = createStubService(sfsf, request =>
      request.url.endsWith('/upsert')
        ? {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              d: [
                {
                  key: "User/userId='user1'",
                  status: 'OK',
                  editStatus: 'UPSERTED',
                  message: null,
                  index: 0,
                  httpCode: 204,
                  inlineResults: null
                },
                {
                  key: "User/userId='user33'",
                  status: 'ERROR',
                  editStatus: null,
                  message: 'hr user1 is not active',
                  index: 1,
                  httpCode: 500,
                  inlineResults: null
                }
              ]
            })
          }
        : undefined
    );
    const result = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Upsert',
      params: { serviceUrl: 'https://api.sfsf.test/odata/v2/' },
      input: seedFile('upsert.xml')
    });
    expect(stub.jsonBodies()).toEqual([
      [
        {
          __metadata: { uri: "User('user1')" },
          userId: 'user1',
          status: 'active',
          username: 'user1',
          manager: { __metadata: { uri: "User('user22')" }, userId: 'user22', status: 'active', username: 'user22' }
        },
        {
          __metadata: { uri: "User('user33')" },
          userId: 'user33',
          status: 'active',
          cellPhone: '9876543210',
          firstName: 'Tony',
          hr: { __metadata: { uri: "User('user1')" } }
        }
      ]
    ]);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      '<OKEntities entitySet="User" qualifiedName="SFOData.User" httpStatus="204" key="User/userId=\'user1\'" editStatus="UPSERTED">'
    );
    expect(result.output).toContain("upsert of User/userId='user33' failed (ERROR): hr user1 is not active");
  });
});
