import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// Live against the CAP demo service over V2: how Delete and Merge are addressed, how Read pages, where its ETags come
// from, and which $select/$expand names it accepts.
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
  service = await startDemoService({ csrf: true });
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 Delete with an envelope (live)', () => {
  it('refuses a resourcePath that is not the envelope entity, deletes nothing; deletes it when the path is its key', async () => {
    expect(
      (
        await invoke(
          'Create',
          {},
          '<Products><Products><ID>7300</ID><Name>Keep</Name></Products><Products><ID>7301</ID><Name>Other</Name></Products></Products>'
        )
      ).status
    ).toBe(1);
    const envelope = '<Products><Products><ID>7300</ID></Products></Products>';
    const toSet = await invoke('Delete', { resourcePath: 'Products' }, envelope);
    expect(toSet.status).toBe(-1);
    expect(toSet.output).toContain('resourcePath "Products" does not address one entity');
    const toOther = await invoke('Delete', { resourcePath: 'Products(7301)' }, envelope);
    expect(toOther.status).toBe(-1);
    expect(toOther.output).toContain("the envelope's entity has the key ID=7300");
    const still = await invoke('Read', {
      resourcePath: 'Products',
      queryOptions: '$filter=ID ge 7300 and ID le 7301&$select=ID'
    });
    expect(still.output.match(/<ID>73\d\d<\/ID>/g)).toEqual(['<ID>7300</ID>', '<ID>7301</ID>']);
    expect((await invoke('Delete', { resourcePath: 'Products(7300)' }, envelope)).status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Products(7300)' })).output).toContain('httpStatus="404"');
  });
});

/** Calls Read with processInPages until hasMoreRecords is false; the IDs read, in order. */
async function readAllPages(params: Record<string, string>): Promise<number[]> {
  const read: number[] = [];
  let nextLink: string | undefined;
  for (let call = 0; call < 20; call += 1) {
    const r = await invoke('Read', {
      processInPages: 'true',
      ...params,
      ...(nextLink === undefined ? {} : { nextLink })
    });
    expect(r.status).toBe(1);
    read.push(...[...r.output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => Number(m[1])));
    nextLink = /nextLink="([^"]*)"/.exec(r.output)?.[1]?.replace(/&amp;/g, '&');
    if (nextLink === undefined) return read;
  }
  throw new Error(`process-in-pages did not end after 20 calls; read ${read.join(',')}`);
}

describe('odata-v2 Read with pageSize and processInPages (live)', () => {
  it('reads every product exactly once and ends', async () => {
    const all = await invoke('Read', { resourcePath: 'Products', queryOptions: '$select=ID&$orderby=ID' });
    const expected = [...all.output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => Number(m[1]));
    expect(expected.length).toBeGreaterThan(5);
    expect(
      await readAllPages({ resourcePath: 'Products', pageSize: '5', queryOptions: '$select=ID&$orderby=ID' })
    ).toEqual(expected);
  });

  it('with $top=0 reads nothing (the filter is not dropped)', async () => {
    const r = await invoke('Read', {
      resourcePath: 'Products',
      pageSize: '2',
      queryOptions: '$filter=ID gt 3&$top=0&$select=ID'
    });
    expect(r.status).toBe(1);
    expect(r.output).not.toContain('<ID>');
  });

  it('reads every category exactly once when the server splits each page (2 per response)', async () => {
    expect(await readAllPages({ resourcePath: 'Categories', pageSize: '3', queryOptions: '$orderby=ID' })).toEqual([
      0, 1, 2, 3, 4
    ]);
  });
});

describe('odata-v2 Read by key over Atom: the ETag header (live)', () => {
  it('a read result fed back into Merge carries the ETag CAP sends only as a header (no 428)', async () => {
    const read = await invoke('Read', {
      resourcePath: 'Suppliers(1)',
      queryOptions: '$select=ID,Name',
      format: 'atom'
    });
    expect(read.output).toMatch(/<Suppliers etag="W\/&quot;\d+&quot;">/);
    const payload = read.output
      .replace(/<\?xml[^>]*>\s*/, '')
      .replace(/<Name>[^<]*<\/Name>/, '<Name>Renamed over Atom</Name>');
    const merged = await invoke('Merge', { format: 'atom' }, payload);
    expect(merged.output).not.toContain('httpStatus="428"');
    expect(merged.status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Suppliers(1)', queryOptions: '$select=Name' })).output).toContain(
      '<Name>Renamed over Atom</Name>'
    );
  });
});

describe('odata-v2 Read: $select and $expand names checked against $metadata (live)', () => {
  it('refuses unknown names, nested ones too, before sending; accepts declared nested paths', async () => {
    const select = await invoke('Read', { resourcePath: 'Products', queryOptions: '$select=ID,Nmae' });
    expect(select.status).toBe(-1);
    expect(select.output).toContain('<Error code="MODEL_MISMATCH">');
    expect(select.output).toContain('has no property or navigation property "Nmae"');
    const expand = await invoke('Read', { resourcePath: 'Products', queryOptions: '$expand=Category/Prodcts' });
    expect(expand.output).toContain(
      '$expand=Category/Prodcts: ODataDemo.Categories has no navigation property "Prodcts"'
    );
    const ok = await invoke('Read', {
      resourcePath: 'Products(0)',
      queryOptions: '$select=ID,Category/Name,Category/Products/ID&$expand=Category/Products'
    });
    expect(ok.status).toBe(1);
    expect(ok.output).toContain('<Name>Notebooks</Name>');
  });
});

describe('odata-v2 Merge to a keyed resourcePath (live)', () => {
  it('refuses a payload whose composite key is another entity; nothing changes', async () => {
    const path = "StockLevels(Warehouse='Berlin',Sku='NB-15')";
    const r = await invoke(
      'Merge',
      { resourcePath: path },
      '<StockLevels><StockLevels><Warehouse>Berlin</Warehouse><Sku>SCR-19</Sku><Quantity>99</Quantity></StockLevels></StockLevels>'
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain("the envelope's entity has the key Warehouse=Berlin,Sku=SCR-19");
    const both = await invoke('Read', {
      resourcePath: 'StockLevels',
      queryOptions: "$filter=Warehouse eq 'Berlin'&$orderby=Sku"
    });
    expect(both.output).not.toContain('<Quantity>99</Quantity>');
    const same = await invoke(
      'Merge',
      { resourcePath: "StockLevels(Sku='NB-15',Warehouse='Berlin')" },
      '<StockLevels><StockLevels><Warehouse>Berlin</Warehouse><Sku>NB-15</Sku><Quantity>13</Quantity></StockLevels></StockLevels>'
    );
    expect(same.status).toBe(1);
    expect((await invoke('Read', { resourcePath: path })).output).toContain('<Quantity>13</Quantity>');
  });
});

describe('odata-v2 Read: an & inside a quoted $filter literal (live)', () => {
  it('belongs to the literal, not to the next query option', async () => {
    const r = await invoke('Read', {
      resourcePath: 'AllTypes',
      queryOptions: "$filter=startswith(LStr,'Tom & Jerry')&$select=ID"
    });
    expect(r.status).toBe(1);
    expect(r.output.match(/<ID>\d+<\/ID>/g)).toEqual(['<ID>1</ID>']);
  });
});

describe('odata-v2 Read: $format in queryOptions (live)', () => {
  it.each([
    ['json', '$format=atom'],
    ['atom', '$format=json']
  ])('format=%s with %s decodes what the service sent', async (format, queryOptions) => {
    const r = await invoke('Read', { resourcePath: 'Categories(1)', queryOptions, format });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/<ID>1<\/ID>\s*<Name>Organizers<\/Name>/);
  });
});
