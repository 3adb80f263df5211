import { createRuntime } from '../../../src/index';
import { JsonNumber, parseLosslessJson, parseMetadata } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';
import { decodeJsonPage, unwrapV2Json } from './decode-records';

const model = parseMetadata(seedFile('odata-demo-v2-cpi.metadata.xml'));
const product = model.entityTypes.get('ODataDemo.Product');

const one = new JsonNumber('1');

describe('V2 JSON verbose shapes', () => {
  it.each([
    [
      'V2 collection with string __count and __next',
      { d: { results: [{ ID: 1 }], __count: '91', __next: 'next' } },
      { items: [{ ID: one }], single: false, count: '91', next: 'next' }
    ],
    ['V1 collection (d is an array)', { d: [{ ID: 1 }] }, { items: [{ ID: one }], single: false }],
    [
      'single entity',
      { d: { ID: 1, __metadata: { uri: 'u' } } },
      { items: [{ ID: one, __metadata: { uri: 'u' } }], single: true }
    ],
    ['single entity wrongly wrapped in results', { d: { results: { ID: 1 } } }, { items: [{ ID: one }], single: true }],
    ['numeric __count', { d: { results: [], __count: 3 } }, { items: [], single: false, count: '3' }]
  ])('%s', (_, json, expected) => {
    expect(unwrapV2Json(parseLosslessJson(JSON.stringify(json)))).toEqual(expected);
  });

  it('reads __metadata (type, etag), skips __deferred, nests expanded navigations (results and plain arrays)', () => {
    const body = JSON.stringify({
      d: {
        results: [
          {
            __metadata: { uri: 'Products(1)', type: 'ODataDemo.Product', etag: 'W/"5"' },
            ID: 1,
            ReleaseDate: '/Date(694224000000+0060)/',
            Price: 4.5,
            Category: { __metadata: { type: 'ODataDemo.Category' }, ID: 7, Products: { __deferred: { uri: 'x' } } },
            Supplier: null
          }
        ]
      }
    });
    const [record] = decodeJsonPage(model, body, product).records;
    expect(record).toMatchObject({ typeName: 'Product', etag: 'W/"5"', uri: 'Products(1)' });
    expect(record?.fields).toEqual([
      { kind: 'primitive', name: 'ID', type: 'Edm.Int32', value: '1' },
      { kind: 'primitive', name: 'ReleaseDate', type: 'Edm.DateTime', value: '1992-01-01T00:00:00' },
      { kind: 'primitive', name: 'Price', type: 'Edm.Decimal', value: '4.5' },
      {
        kind: 'navigation',
        name: 'Category',
        collection: false,
        entities: [
          {
            typeName: 'Category',
            qualifiedName: 'ODataDemo.Category',
            fields: [{ kind: 'primitive', name: 'ID', type: 'Edm.Int32', value: '7' }]
          }
        ]
      },
      { kind: 'navigation', name: 'Supplier', collection: false, entities: [] }
    ]);
  });

  it('keeps every digit of unquoted numbers (no trip through a JS double)', () => {
    const [record] = decodeJsonPage(model, '{"d":{"ID":1,"Price":12345678901234567890.123456789}}', product).records;
    expect(record?.fields[1]).toEqual({
      kind: 'primitive',
      name: 'Price',
      type: 'Edm.Decimal',
      value: '12345678901234567890.123456789'
    });
  });

  it('keeps the complex Address of a Supplier', () => {
    const [record] = decodeJsonPage(
      model,
      '{"d":{"__metadata":{"type":"ODataDemo.Supplier"},"ID":0,"Address":{"__metadata":{"type":"ODataDemo.Address"},"Street":"NE 228th","City":null}}}',
      undefined
    ).records;
    expect(record?.fields[1]).toEqual({
      kind: 'complex',
      name: 'Address',
      fields: [
        { kind: 'primitive', name: 'Street', type: 'Edm.String', value: 'NE 228th' },
        { kind: 'primitive', name: 'City', type: 'Edm.String', value: null }
      ]
    });
  });
});

describe('a Decimal sent as a JSON number with an exponent', () => {
  it('is read as exact plain text and runs unchanged as a Create payload', async () => {
    const read =
      '{"d":{"results":[{"__metadata":{"type":"ODataDemo.Product"},"ID":1,"Rating":4,"ReleaseDate":"/Date(0)/","Price":1.2345678901234567890E3}]}}';
    const stub = createStubService(seedFile('odata-demo-v2-cpi.metadata.xml'), r =>
      r.method === 'GET' ? { status: 200, headers: { 'content-type': 'application/json' }, body: read } : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    const params = { serviceUrl: 'http://stub.test/svc/', resourcePath: 'Products' };
    const r = await runtime.invoke({ connector: 'odata-v2', operation: 'Read', params });
    expect(r.output).toContain('<Price>1234.5678901234567890</Price>');
    const created = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params,
      input: r.output.replace(/<\?xml[^>]*>\s*/, '')
    });
    expect(created.status).toBe(1);
    expect(stub.jsonBodies()).toEqual([expect.objectContaining({ ID: 1, Price: '1234.5678901234567890' })]);
  });
});
