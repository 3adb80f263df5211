import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// Live: the CAP demo service over the community V2 adapter, with Gateway-style CSRF (strict: the token is
// bound to the session cookie of the fetch) and the $links emulation. CAP deviations (no real complex
// types, $links only emulated, links in create bodies ignored, Edm.Time without fractions) are covered
// by the recorded and hand-built fixtures instead (fixtures/odata-v2, seed-payloads.spec.ts).
let service: DemoService;
const runtime = createRuntime([odataV2]);
const invoke = (operation: string, params: Record<string, string>, input?: string) =>
  runtime.invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl: service.v2Url, ...params },
    ...(input === undefined ? {} : { input })
  });

beforeAll(async () => {
  service = await startDemoService({ csrf: 'strict', refs: true });
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 against the live demo service', () => {
  it('Read: entity set with $expand, $inlinecount and values in the CPI payload formats', async () => {
    const r = await invoke('Read', {
      resourcePath: 'Products',
      queryOptions: '$filter=ID eq 0&$expand=Category&$inlinecount=allpages'
    });
    expect(r.status).toBe(1);
    expect(r.output).toContain('<Products xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" count="1">');
    expect(r.output).toContain('<ReleaseDate>1992-01-01T00:00:00</ReleaseDate>');
    expect(r.output).toContain('<DistributeDate>2017-03-04T22:22:22.123Z</DistributeDate>');
    expect(r.output).toContain('<SaleStartTime>22:22:22</SaleStartTime>');
    expect(r.output).toContain('<Category>\n      <Categories>\n        <ID>0</ID>');
  });

  it('Read: follows __next to the end (Categories are served 2 per page)', async () => {
    const r = await invoke('Read', { resourcePath: 'Categories' });
    expect(r.output.match(/<Categories>/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('Create: deep insert 1:N through the CSRF protection, then read back', async () => {
    const created = await invoke(
      'Create',
      {},
      '<Categories><Categories><ID>700</ID><Name>Live</Name><Products><Products><ID>7001</ID><Name>A</Name></Products><Products><ID>7002</ID><Name>B</Name><Price>1.5</Price></Products></Products></Categories></Categories>'
    );
    expect(created.status).toBe(1);
    const read = await invoke('Read', {
      resourcePath: 'Categories(700)/Products',
      queryOptions: '$select=ID,Price&$orderby=ID'
    });
    expect(read.output).toMatch(
      /<ID>7001<\/ID>\s*<Price xsi:nil="true"\/>[\s\S]*<ID>7002<\/ID>\s*<Price>1.50<\/Price>/
    );
  });

  it('Merge: a read result fed back as the payload carries its ETag; the second use is stale (412)', async () => {
    const read = await invoke('Read', { resourcePath: 'Suppliers(0)', queryOptions: '$select=ID,Name,Concurrency' });
    const payload = read.output
      .replace(/<\?xml[^>]*>\s*/, '')
      .replace('<Name>Exotic Liquids</Name>', '<Name>Exotic Liquids Ltd</Name>')
      .replace(/\s*<Concurrency>\d+<\/Concurrency>/, '');
    const merged = await invoke('Merge', {}, payload);
    expect(merged.status).toBe(1);
    expect(merged.output).toContain('value="Exotic Liquids Ltd"');
    const again = await invoke('Merge', {}, payload);
    expect(again.status).toBe(-1);
    expect(again.output).toContain('httpStatus="412"');
  });

  it('Update (PUT) nulls absent properties; Delete by key; a second Delete is a 404', async () => {
    expect(
      (
        await invoke(
          'Create',
          {},
          '<Products><Products><ID>7100</ID><Name>P</Name><Rating>3</Rating></Products></Products>'
        )
      ).status
    ).toBe(1);
    const put = await invoke(
      'Update',
      { resourcePath: 'Products(7100)' },
      '<Products><Products><Name>Q</Name></Products></Products>'
    );
    expect(put.output).toContain('<Property type="Int32" name="Rating" nil="true"/>');
    expect((await invoke('Delete', { resourcePath: 'Products(7100)' })).status).toBe(1);
    const gone = await invoke('Delete', { resourcePath: 'Products(7100)' });
    expect(gone.status).toBe(-1);
    expect(gone.output).toContain('httpStatus="404"');
  });

  it('Delete tunnelled through POST (methodTunneling) is accepted; the entity is gone', async () => {
    expect(
      (await invoke('Create', {}, '<Products><Products><ID>7101</ID><Name>T</Name></Products></Products>')).status
    ).toBe(1);
    const del = await invoke('Delete', { resourcePath: 'Products(7101)', methodTunneling: 'true' });
    expect(del.output).not.toContain('httpStatus="405"');
    expect(del.status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Products(7101)' })).output).toContain('httpStatus="404"');
  });

  it('Create with csrf=false against the protected service is refused with 403', async () => {
    const r = await invoke(
      'Create',
      { csrf: 'false' },
      '<Categories><Categories><ID>701</ID></Categories></Categories>'
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain('httpStatus="403"');
  });

  it('FunctionImport: GET with typed parameters and POST (declared verb) through CSRF', async () => {
    const price = await invoke(
      'FunctionImport',
      { functionImport: 'Products_PriceWithTax' },
      '<Products_PriceWithTax><ID>0</ID><Rate>10</Rate></Products_PriceWithTax>'
    );
    expect(price.output).toMatch(/<Products_PriceWithTax>\d+\.\d{2}<\/Products_PriceWithTax>/);
    const cats = await invoke(
      'FunctionImport',
      { functionImport: 'CountCategories' },
      '<CountCategories><Amount>1</Amount></CountCategories>'
    );
    expect(cats.output.match(/<Categories>/g)).toHaveLength(2);
    const reset = await invoke('FunctionImport', { functionImport: 'Reset' }, '<Reset><Amount>3</Amount></Reset>');
    expect(reset.output).toContain('<Reset>3</Reset>');
  });

  it('Batch: changesets with a Content-ID reference and a query part, through CSRF; a failing changeset is reported per part', async () => {
    const r = await invoke(
      'Batch',
      {},
      `<batchParts>
      <batchChangeSet>
        <batchChangeSetPart><method>POST</method><Categories><Categories><ID>800</ID><Name>Batch</Name></Categories></Categories></batchChangeSetPart>
        <batchChangeSetPart><method>POST</method><uri>$1/Products</uri><Products><Products><ID>8001</ID><Name>In batch</Name></Products></Products></batchChangeSetPart>
      </batchChangeSet>
      <batchChangeSet>
        <batchChangeSetPart><method>POST</method><Categories><Categories><ID>0</ID><Name>duplicate</Name></Categories></Categories></batchChangeSetPart>
      </batchChangeSet>
      <batchQueryPart><uri>Categories(800)/Products?$select=ID,Category_ID</uri></batchQueryPart>
    </batchParts>`
    );
    expect(r.status).toBe(-1);
    expect(r.output.match(/<statusCode>(\d+)<\/statusCode>/g)).toEqual([
      '<statusCode>201</statusCode>',
      '<statusCode>201</statusCode>',
      '<statusCode>409</statusCode>',
      '<statusCode>200</statusCode>'
    ]);
    expect(r.output).toMatch(/<ID>8001<\/ID>\s*<Category_ID>800<\/Category_ID>/);
  });

  it('Upsert (generic): merges the existing entity with its ETag and creates the missing one', async () => {
    const r = await invoke(
      'Upsert',
      { upsertMode: 'generic' },
      '<Suppliers><Suppliers><ID>1</ID><Name>Tokyo Traders Ltd</Name></Suppliers><Suppliers><ID>960</ID><Name>New Supplier</Name></Suppliers></Suppliers>'
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('editStatus="UPDATED"');
    expect(r.output).toMatch(/httpStatus="201"[^>]*editStatus="INSERTED"/);
  });

  it('Link / Unlink through $links (the demo service emulates $links; CAP ignores bindings in create bodies)', async () => {
    const linked = await invoke(
      'Link',
      {},
      '<Products><Products><ID>3</ID><link><Category><Categories><ID>2</ID></Categories></Category></link></Products></Products>'
    );
    expect(linked.status).toBe(1);
    expect(
      (await invoke('Read', { resourcePath: 'Products(3)/Category', queryOptions: '$select=ID' })).output
    ).toContain('<ID>2</ID>');
    expect(
      (
        await invoke(
          'Unlink',
          {},
          '<Products><Products><ID>3</ID><link><Category><Categories><ID>2</ID></Categories></Category></link></Products></Products>'
        )
      ).status
    ).toBe(1);
    expect(
      (await invoke('Read', { resourcePath: 'Products(3)', queryOptions: '$select=Category_ID' })).output
    ).toContain('<Category_ID xsi:nil="true"/>');
  });
});
