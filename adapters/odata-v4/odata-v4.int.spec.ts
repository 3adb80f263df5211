import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { SEED_FUNCTION, SEED_PEOPLE_ENTITY, SEED_QUERY_OPTIONS } from './testing/seed-samples';
import { liveRuntime, resetDemo } from './testing/live-runtime';

const AD = 'f89dee73-af9f-4cd4-b330-db93c25ff3c7';

const ENTITY = (props: string) => `<Request><Entity entitySet="Products">${props}</Entity></Request>`;

let demo: DemoService;
const { invoke } = liveRuntime();
const run = (operation: string, params: Record<string, string> = {}, input?: string) =>
  invoke(operation, { serviceUrl: demo.v4Url, ...params }, input);

beforeAll(async () => {
  demo = await startDemoService({ refs: true });
}, 60_000);
afterAll(() => demo?.stop());
beforeEach(() => resetDemo(demo.v4Url));

describe('odata-v4 against the demo service: the seed samples, unchanged', () => {
  it('ReadEntitySet with the QueryOptions sample: $count counts all matches despite $top/$skip', async () => {
    const r = await run('ReadEntitySet', {}, SEED_QUERY_OPTIONS);
    expect(r.status).toBe(1);
    // Six products match "Ergo" with ID <= 10 (4, 6, 7, 8, 9, 10): the count says 6, $skip=5 leaves the last.
    expect(r.output).toContain(
      '<Value type="String" name="@odata.context">$metadata#Products</Value>\n  <Value type="Number" name="@odata.count">6</Value>'
    );
    expect(r.output).toContain(
      [
        '  <Array name="value">',
        '    <Object>',
        '      <Value type="Number" name="ID">10</Value>',
        '      <Value type="String" name="Description">Optical mouse with ergonomic design and 5 programmable buttons</Value>',
        '      <Object name="Category">',
        '        <Value type="Number" name="ID">4</Value>',
        '        <Value type="String" name="Name">Accessories</Value>',
        '      </Object>',
        '    </Object>',
        '  </Array>'
      ].join('\n')
    );
    expect(r.output).not.toContain('name="Name">Ergo Mouse'); // $select=ID,Description
  });

  it('CreateEntity with the TripPin Person sample, then read back', async () => {
    const r = await run('CreateEntity', {}, SEED_PEOPLE_ENTITY);
    expect(r.status).toBe(1);
    expect(r.output).toContain('<OKEntities entitySet="People" qualifiedName="ODataDemo.People">');
    expect(r.output).toContain('<Property isId="true" type="String" value="carlosreyestest" name="UserName"/>');
    const back = await run('ReadSingleEntity', { entitySet: 'People', entityId: 'carlosreyestest' });
    expect(back.output).toContain('<Value type="String" name="Region">Madrid</Value>');
  });

  it('ExecuteFunction CountCategories(Amount=2) gives Notebooks, Organizers, Monitors', async () => {
    const r = await run('ExecuteFunction', {}, SEED_FUNCTION);
    expect(r.status).toBe(1);
    expect([...r.output.matchAll(/name="Name">([^<]*)</g)].map(m => m[1])).toEqual([
      'Notebooks',
      'Organizers',
      'Monitors'
    ]);
  });
});

describe('odata-v4 against the demo service: every operation', () => {
  it('ReadMetadata as EDMX and as CSDL JSON', async () => {
    const xml = await run('ReadMetadata');
    expect(xml.output).toContain('<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">');
    expect(xml.output).toContain('<Schema Namespace="ODataDemo" xmlns="http://docs.oasis-open.org/odata/ns/edm">');
    const json = await run('ReadMetadata', { contentTypeMetadata: 'application/json' });
    expect(json.output).toContain('<Value type="String" name="$Version">4.0</Value>');
  });

  it('ReadCollections lists sets and the singleton', async () => {
    const r = await run('ReadCollections');
    expect(r.output).toContain(
      '<Value type="String" name="name">Info</Value>\n      <Value type="String" name="url">Info</Value>\n      <Value type="String" name="kind">Singleton</Value>'
    );
  });

  it('ReadEntitySet follows server paging to the end and stops at $top', async () => {
    const all = await run('ReadEntitySet', { entitySet: 'Categories' });
    expect(all.output.match(/name="ID"/g)).toHaveLength(5);
    const top = await run(
      'ReadEntitySet',
      {},
      '<QueryOptions entitySet="Categories"><Parameter name="top" value="3"/></QueryOptions>'
    );
    expect(top.output.match(/name="ID"/g)).toHaveLength(3);
  });

  it('ReadEntitySet keeps Int64 beyond 2^53 and Decimal exact', async () => {
    const r = await run('ReadEntitySet', { entitySet: 'AllTypes' });
    expect(r.output).toContain('<Value type="Number" name="I64">9007199254740993</Value>');
    expect(r.output).toContain('<Value type="Number" name="Dec">4045.1000</Value>');
  });

  it('ReadSingleEntity, ReadNavigationEntity, ReadAssociation, ReadSingleton', async () => {
    expect((await run('ReadSingleEntity', { entitySet: 'Products', entityId: '1' })).output).toContain(
      '<Value type="String" name="Name">Notebook Professional 17</Value>'
    );
    expect(
      (await run('ReadNavigationEntity', { entitySet: 'Products', entityId: '1', navigationProperty: 'Category' }))
        .output
    ).toContain('<Value type="String" name="Name">Notebooks</Value>');
    expect(
      (await run('ReadAssociation', { entitySet: 'Categories', entityId: '1', association: 'Products' })).output
    ).toContain('Products(2)</Value>');
    expect((await run('ReadSingleton', { singletonId: 'Info' })).output).toContain(
      '<Value type="String" name="Version">1.0.0</Value>'
    );
  });

  it('ReadNavigationEntity and ReadAssociation of a to-one navigation with no target: status 1, an empty <Object/>', async () => {
    const created = await run(
      'CreateEntity',
      {},
      ENTITY('<Property name="ID" value="77" isId="true"/><Property name="Name" value="Loose"/>')
    );
    expect(created.status).toBe(1);
    const r = await run('ReadNavigationEntity', {
      entitySet: 'Products',
      entityId: '77',
      navigationProperty: 'Category'
    });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/<Object\/>/);
    const ref = await run('ReadAssociation', { entitySet: 'Products', entityId: '77', association: 'Category' });
    expect(ref.status).toBe(1);
    expect(ref.output).toMatch(/<Object\/>/);
  });

  it('UpdateEntity (PATCH with etag=auto, PUT) and DeleteEntity', async () => {
    const patch = await run(
      'UpdateEntity',
      { etag: 'auto' },
      '<Request><Entity entitySet="Suppliers"><Property name="ID" value="0" isId="true"/><Property name="Name" value="Exotic"/></Entity></Request>'
    );
    expect(patch.status).toBe(1);
    expect(patch.output).toContain('etag="W/&quot;2&quot;"');
    const put = await run(
      'UpdateEntity',
      { updateMethod: 'PUT', entitySet: 'Products', entityId: '3' },
      '<Request><Entity><Property name="Name" value="Comfort"/></Entity></Request>'
    );
    expect(put.output).toContain('<Property type="String" name="Description" nil="true"/>'); // PUT replaced it
    const del = await run('DeleteEntity', { entitySet: 'Products', entityId: '3' });
    expect(del.status).toBe(1);
    expect((await run('ReadSingleEntity', { entitySet: 'Products', entityId: '3' })).status).toBe(-1);
  });

  it('CreateSingleton (PUT), UpdateSingleton (PATCH), DeleteSingleton', async () => {
    const single = (props: string) => `<Request><Singleton>${props}</Singleton></Request>`;
    expect(
      (
        await run(
          'CreateSingleton',
          { singletonId: 'Info' },
          single('<Property name="ID" value="1"/><Property name="Version" value="2"/><Property name="Motd" value="m"/>')
        )
      ).status
    ).toBe(1);
    const upd = await run(
      'UpdateSingleton',
      { singletonId: 'Info' },
      single('<Property name="Motd" value="patched"/>')
    );
    expect(upd.output).toContain('<Property type="String" value="2" name="Version"/>');
    expect(upd.output).toContain('value="patched"');
    expect((await run('DeleteSingleton', { singletonId: 'Info' })).status).toBe(1);
  });

  it('media: Create (POST + PUT), Update, Read, Delete', async () => {
    const created = await run(
      'CreateMediaEntity',
      { entitySet: 'Advertisements' },
      '<Request><Media contentType="application/octet-stream">AAEC/4BQ</Media></Request>'
    );
    expect(created.status).toBe(1);
    const id = /value="([0-9a-f-]{36})" name="ID"/.exec(created.output)?.[1] ?? '';
    const read = await run('ReadMediaEntity', { entitySet: 'Advertisements', entityId: id });
    expect(read.output).toContain(
      '<Media contentType="application/octet-stream" encoding="base64" length="6">AAEC/4BQ</Media>'
    );
    expect(
      (
        await run(
          'UpdateMediaEntity',
          { entitySet: 'Advertisements', entityId: AD },
          '<Media contentType="text/plain" encoding="text">neu</Media>'
        )
      ).status
    ).toBe(1);
    expect((await run('ReadMediaEntity', { entitySet: 'Advertisements', entityId: AD })).output).toContain(
      'length="3">bmV1</Media>'
    );
    expect((await run('DeleteMediaEntity', { entitySet: 'Advertisements', entityId: AD })).status).toBe(1);
    expect((await run('ReadMediaEntity', { entitySet: 'Advertisements', entityId: AD })).output).toContain(
      'length="0"'
    );
  });

  it('ExecuteFunction: unbound action, bound function and bound action', async () => {
    expect(
      (await run('ExecuteFunction', {}, '<Function name="Reset"><Parameter name="Amount" value="7"/></Function>'))
        .output
    ).toContain('<Value type="Number" name="value">7</Value>');
    expect(
      (
        await run(
          'ExecuteFunction',
          { entitySet: 'Products', entityId: '1' },
          '<Function name="PriceWithTax"><Parameter name="Rate" value="19"/></Function>'
        )
      ).output
    ).toContain('<Value type="Number" name="value">2735.81</Value>');
    expect(
      (
        await run(
          'ExecuteFunction',
          { entitySet: 'Products', entityId: '1' },
          '<Function name="Discount"><Parameter name="Percent" value="10"/></Function>'
        )
      ).output
    ).toContain('<Value type="Number" name="Price">2069.10</Value>');
  });

  it('every Edm type written and read back unchanged', async () => {
    const values: Record<string, string> = {
      I16: '-32768',
      I32: '2147483647',
      I64: '-9223372036854775808',
      U8: '255',
      SB: '-128',
      Dec: '12345678901.1234',
      Dbl: '1.0000000000000002',
      Sgl: '0.5',
      Bool: 'false',
      Guid: '5b6a2f8e-0c4d-4a3e-9f1b-2d3c4e5f6a7b',
      D: '2024-02-29',
      T: '13:45:30',
      DT: '2024-02-29T13:45:30Z',
      Bin: 'AAEC/w==',
      Str: ' 00012 <&> ü',
      Dur: 'P1DT2H3M4.5S'
    };
    const props = Object.entries(values)
      .map(([n, v]) => `<Property name="${n}" value="${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}"/>`)
      .join('');
    expect(
      (
        await run(
          'CreateEntity',
          {},
          `<Request><Entity entitySet="AllTypes"><Property name="ID" value="9"/>${props}</Entity></Request>`
        )
      ).status
    ).toBe(1);
    const back = await run('ReadSingleEntity', { entitySet: 'AllTypes', entityId: '9' });
    for (const [name, value] of Object.entries(values)) {
      expect(back.output).toContain(
        `name="${name}">${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</Value>`
      );
    }
  });

  // What CAP 9 on SQLite does to date-times (CAP-DEMO-SERVICE.md): it answers in UTC (an offset becomes Z, the
  // same instant), keeps milliseconds of a Precision-7 timestamp and no fraction of a plain DateTime, cutting
  // rather than rounding. The connector sends the text as given and reports what the service answers.
  it('DateTimeOffset with an offset and 7 fraction digits: sent exactly, reported as CAP stored it', async () => {
    const { runtime, requests } = liveRuntime();
    const input =
      '<Request><Entity entitySet="AllTypes"><Property name="ID" value="901"/><Property name="DT" value="2024-02-29T13:45:30.9876543+02:00"/><Property name="TS" value="2024-02-29T13:45:30.1234567+02:00"/></Entity></Request>';
    const created = await runtime.invoke({
      connector: 'odata-v4',
      operation: 'CreateEntity',
      params: { serviceUrl: demo.v4Url },
      input
    });
    expect(created.status).toBe(1);
    expect(requests.find(r => r.method === 'POST')?.body).toContain(
      '"DT":"2024-02-29T13:45:30.9876543+02:00","TS":"2024-02-29T13:45:30.1234567+02:00"'
    );
    expect(created.output).toContain('<Property type="DateTimeOffset" value="2024-02-29T11:45:30Z" name="DT"/>');
    expect(created.output).toContain('<Property type="DateTimeOffset" value="2024-02-29T11:45:30.123Z" name="TS"/>');
    const back = await run('ReadSingleEntity', { entitySet: 'AllTypes', entityId: '901' });
    expect(back.output).toContain('<Value type="String" name="DT">2024-02-29T11:45:30Z</Value>');
    expect(back.output).toContain('<Value type="String" name="TS">2024-02-29T11:45:30.123Z</Value>');
    const found = await run(
      'ReadEntitySet',
      {},
      '<QueryOptions entitySet="AllTypes"><Parameter name="filter" value="TS eq 2024-02-29T13:45:30.123+02:00"/><Parameter name="select" value="ID"/></QueryOptions>'
    );
    expect(found.output).toContain('<Value type="Number" name="ID">901</Value>'); // the offset form finds the UTC value
  });
});
