import { useLiveService } from './testing/live-service';

// Live: what the connector checks or encodes before a request reaches the CAP demo service over V2
// (facets of $metadata, query option names, key literals in resourcePath, Atom bodies), shown by what the service
// answers and holds afterwards.
const invoke = useLiveService();

describe('odata-v2 request checks against the live demo service', () => {
  it('a Name over MaxLength 100 or a Price beyond Decimal(12,2) is refused naming it, and nothing is created', async () => {
    const tooLong = await invoke(
      'Create',
      {},
      `<Products><Products><ID>7301</ID><Name>${'x'.repeat(101)}</Name></Products></Products>`
    );
    expect(tooLong.status).toBe(-1);
    expect(tooLong.output).toContain(
      'Products/Products/Name: the value of Name (Edm.String) is 101 characters long; MaxLength is 100'
    );
    const tooPrecise = await invoke(
      'Create',
      {},
      '<Products><Products><ID>7301</ID><Name>ok</Name><Price>1.005</Price></Products></Products>'
    );
    expect(tooPrecise.output).toContain(
      'Products/Products/Price: the value of Price (Edm.Decimal) has 3 digits after the decimal point; Scale is 2'
    );
    expect((await invoke('Read', { resourcePath: 'Products(7301)' })).output).toContain('httpStatus="404"');
    const fits = await invoke(
      'Create',
      {},
      `<Products><Products><ID>7301</ID><Name>${'x'.repeat(100)}</Name><Price>9999999999.99</Price></Products></Products>`
    );
    expect(fits.status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Products(7301)', queryOptions: '$select=Price' })).output).toContain(
      '<Price>9999999999.99</Price>'
    );
  });

  it('$orderby names are checked against $metadata before the Read is sent; valid ones order the result', async () => {
    const typo = await invoke('Read', { resourcePath: 'Products', queryOptions: '$orderby=Price desc,Nmae' });
    expect(typo.status).toBe(-1);
    expect(typo.output).toContain('<Error code="MODEL_MISMATCH">');
    expect(typo.output).toContain('$orderby=Nmae: ODataDemo.Products has no property "Nmae"');
    const sorted = await invoke('Read', {
      resourcePath: 'Categories(1)/Products',
      queryOptions: '$select=ID&$orderby=Category/Name asc,ID desc'
    });
    expect(sorted.status).toBe(1);
    const ids = [...sorted.output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => Number(m[1]));
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("a '/' inside a quoted key of resourcePath goes out as %2F and addresses that one entity (Read, Merge, Delete)", async () => {
    const path = "StockLevels(Warehouse='Hall A/B',Sku='S/1')";
    const payload = (qty: number) =>
      `<StockLevels><StockLevels><Warehouse>Hall A/B</Warehouse><Sku>S/1</Sku><Quantity>${qty}</Quantity></StockLevels></StockLevels>`;
    expect((await invoke('Create', {}, payload(1))).status).toBe(1);
    const read = await invoke('Read', { resourcePath: path });
    expect(read.status).toBe(1);
    expect(read.output).toMatch(/<Warehouse>Hall A\/B<\/Warehouse>\s*<Sku>S\/1<\/Sku>\s*<Quantity>1<\/Quantity>/);
    expect((await invoke('Merge', { resourcePath: path }, payload(5))).status).toBe(1);
    expect((await invoke('Read', { resourcePath: path })).output).toContain('<Quantity>5</Quantity>');
    expect((await invoke('Delete', { resourcePath: path })).status).toBe(1);
    expect((await invoke('Read', { resourcePath: path })).output).toContain('httpStatus="404"');
  });

  it('custom query options travel with the system ones, encoded value by value', async () => {
    const r = await invoke('Read', {
      resourcePath: 'Products',
      queryOptions: "$select=ID,Name&$filter=Name eq 'Ergo & Co' or ID eq 1&sap-language=EN&$orderby=ID"
    });
    expect(r.status).toBe(1);
    expect([...r.output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => m[1])).toEqual(['1']);
  });

  it('an Atom Create with <link>s (absolute hrefs) is accepted (CAP ignores the links themselves)', async () => {
    const r = await invoke(
      'Create',
      { format: 'atom' },
      '<Products><Products><ID>7302</ID><Name>Atom linked</Name><link><Supplier><Suppliers><ID>1</ID></Suppliers></Supplier><Category><Categories><ID>1</ID></Categories></Category></link></Products></Products>'
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('value="Atom linked"');
  });
});
