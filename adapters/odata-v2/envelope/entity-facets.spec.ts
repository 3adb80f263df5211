import { createRuntime } from '../../../src/index';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

// The seed's ODataDemo model with facets a Gateway service declares: Product.Name MaxLength 10,
// Product.Price Precision 5 Scale 2, Address.Street (complex) MaxLength 5.
const metadata = seedFile('odata-demo-v2-cpi.metadata.xml')
  .replace(
    '<Property Name="Name" Type="Edm.String" Nullable="true" m:FC_TargetPath="SyndicationTitle"\n          m:FC_ContentKind="text" m:FC_KeepInContent="false" />',
    '<Property Name="Name" Type="Edm.String" Nullable="true" MaxLength="10"/>'
  )
  .replace(
    '<Property Name="Price" Type="Edm.Decimal" Nullable="false" />',
    '<Property Name="Price" Type="Edm.Decimal" Nullable="false" Precision="5" Scale="2"/>'
  )
  .replace(
    '<Property Name="Street" Type="Edm.String" Nullable="true" />',
    '<Property Name="Street" Type="Edm.String" Nullable="true" MaxLength="5"/>'
  );
const serviceUrl = 'http://stub.test/svc/';

async function run(operation: string, input: string, params: Record<string, string> = {}, model = metadata) {
  const stub = createStubService(model);
  const r = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl, ...params },
    input
  });
  return {
    ...r,
    sent: stub.requests.filter(q => !q.url.endsWith('$metadata') && q.headers?.['x-csrf-token'] !== 'Fetch')
  };
}

const product = (inner: string) => `<Products><Product><ID>1</ID>${inner}</Product></Products>`;

describe('odata-v2 writes check values against the $metadata facets before sending', () => {
  it.each([
    [
      'Create',
      product('<Name>Eleven char</Name>'),
      {},
      'Products/Product/Name: the value of Name (Edm.String) is 11 characters long; MaxLength is 10'
    ],
    [
      'Create',
      product('<Price>1.005</Price>'),
      {},
      'Products/Product/Price: the value of Price (Edm.Decimal) has 3 digits after the decimal point; Scale is 2'
    ],
    [
      'Create',
      product('<Price>1234.5</Price>'),
      {},
      'has 4 digits before the decimal point; Precision 5 with Scale 2 allows 3'
    ],
    ['Merge', product('<Name>Eleven char</Name>'), { resourcePath: 'Products(1)' }, 'MaxLength is 10'],
    ['Update', product('<Price>1000</Price>'), { resourcePath: 'Products(1)' }, 'Precision 5 with Scale 2 allows 3'],
    ['Patch', product('<Name>Eleven char</Name>'), { resourcePath: 'Products(1)' }, 'MaxLength is 10'],
    [
      'Create',
      '<Suppliers><Supplier><ID>1</ID><Address><Street>Long street</Street></Address></Supplier></Suppliers>',
      {},
      'Suppliers/Supplier/Address/Street: the value of Street (Edm.String) is 11 characters long; MaxLength is 5'
    ],
    [
      'Create',
      '<Categories><Category><ID>1</ID><Products><Product><ID>2</ID><Name>Eleven char</Name></Product></Products></Category></Categories>',
      {},
      'Categories/Category/Products/Product/Name: the value of Name'
    ],
    ['Upsert', product('<Price>0.001</Price>'), { upsertMode: 'generic' }, 'Scale is 2'],
    [
      'Batch',
      `<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method>${product('<Name>Eleven char</Name>')}</batchChangeSetPart></batchChangeSet></batchParts>`,
      {},
      'MaxLength is 10'
    ]
  ])('%s: %s → VALUE_INVALID naming the property, nothing sent', async (operation, input, params, message) => {
    const r = await run(operation, input, params);
    expect(r.status).toBe(-1);
    expect(r.output).toContain('code="VALUE_INVALID"');
    expect(r.output).toContain(message);
    expect(r.sent).toEqual([]);
  });

  it('the SuccessFactors upsert checks MaxLength too (status MaxLength 16)', async () => {
    const r = await run(
      'Upsert',
      '<User><User><userId>u1</userId><status>active-and-more-than-16</status></User></User>',
      {},
      seedFile('sfsf-user.metadata.xml')
    );
    expect(r.output).toContain(
      'User/User/status: the value of status (Edm.String) is 23 characters long; MaxLength is 16'
    );
    expect(r.sent).toEqual([]);
  });

  it('values within the facets are sent (trailing zeros beyond Scale change no value)', async () => {
    const r = await run('Create', product('<Name>Ten chars!</Name><Price>999.9900</Price>'));
    expect(r.status).toBe(1);
    expect(r.sent.map(q => q.method)).toEqual(['POST']);
  });
});

describe('odata-v2 writes refuse a null mark on an element that has a value', () => {
  const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  it.each([
    [
      product(`<Description ${xsi} xsi:nil="true">Fine</Description>`),
      'Products/Product/Description: Description is marked null (xsi:nil="true") and has the value "Fine"; remove one of them'
    ],
    [
      `<Suppliers ${xsi}><Supplier><ID>1</ID><Address xsi:nil="true"><Street>NE</Street></Address></Supplier></Suppliers>`,
      'Suppliers/Supplier/Address: Address is marked null (xsi:nil="true") and has members; remove one of them'
    ]
  ])('instead of sending null and dropping the value', async (input, message) => {
    const r = await run('Create', input);
    expect(r.status).toBe(-1);
    expect(r.output).toContain('code="ENVELOPE_INVALID"');
    expect(r.output).toContain(message);
    expect(r.sent).toEqual([]);
  });
});
