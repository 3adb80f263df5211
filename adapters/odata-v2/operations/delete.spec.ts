import { createRuntime } from '../../../src/index';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';

async function del(resourcePath: string, input: string) {
  const stub = createStubService(metadata);
  const r = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation: 'Delete',
    params: { serviceUrl, resourcePath },
    input
  });
  return {
    ...r,
    ifMatch: stub.requests.map(q => q.headers?.['if-match']).filter(h => h !== undefined),
    sent: stub.requests
      .filter(q => !q.url.endsWith('$metadata') && q.headers?.['x-csrf-token'] !== 'Fetch')
      .map(q => `${q.method} ${q.url.slice(serviceUrl.length)}`)
  };
}

describe('Delete with an envelope and a resourcePath', () => {
  it.each([
    [
      'an entity set (no key)',
      'Products',
      /PARAMETER_INVALID[\s\S]*resourcePath "Products" does not address one entity/
    ],
    ['$count', 'Products(1)/$count', /does not address one entity/],
    [
      'another entity set',
      'Categories(1)',
      /envelope root is &lt;Products&gt;, but resourcePath "Categories\(1\)" addresses the entity set Categories/
    ],
    [
      'another key',
      'Products(2)',
      /resourcePath "Products\(2\)" addresses the key \(2\), but the envelope's entity has the key ID=1/
    ],
    ['another named key', 'Products(ID=2)', /addresses the key \(ID=2\)/],
    ['a to-one navigation without a key', 'Products(1)/Category', /envelope root is &lt;Products&gt;/]
  ])('refuses a path to %s with status -1 and sends nothing', async (_what, resourcePath, message) => {
    const r = await del(resourcePath, '<Products><Product><ID>1</ID></Product></Products>');
    expect(r.status).toBe(-1);
    expect(r.output).toMatch(message);
    expect(r.sent).toEqual([]);
  });

  it('refuses a path that cannot be compared with the envelope key', async () => {
    const r = await del('Categories(1)/Products', '<Products><Product><ID>1</ID></Product></Products>');
    expect(r.output).toContain('does not address one entity');
    expect(r.sent).toEqual([]);
  });

  it.each(['Products(1)', 'Products(ID=1)', 'Categories(0)/Products(1)'])(
    'sends one DELETE to %s when its key is the envelope key',
    async resourcePath => {
      const r = await del(resourcePath, '<Products><Product><ID>1</ID></Product></Products>');
      expect(r.status).toBe(1);
      expect(r.sent).toEqual([`DELETE ${resourcePath}`]);
    }
  );

  it('takes the key from the path when the envelope leaves it out (the envelope carries the etag)', async () => {
    const r = await del('Suppliers(3)', `<Suppliers><Supplier etag='W/"4"'/></Suppliers>`);
    expect(r.status).toBe(1);
    expect(r.sent).toEqual(['DELETE Suppliers(3)']);
    expect(r.ifMatch).toEqual(['W/"4"']);
  });
});

describe('the etag parameter of Delete and Merge', () => {
  const invoke = (operation: string, params: Record<string, string>, input: string) => {
    const stub = createStubService(metadata);
    return createRuntime([odataV2], { transport: stub })
      .invoke({ connector: 'odata-v2', operation, params: { serviceUrl, ...params }, input })
      .then(r => ({ ...r, writes: stub.requests.filter(q => q.method !== 'GET' && q.method !== 'HEAD') }));
  };

  it.each([
    ['Delete', { resourcePath: 'Products(1)', etag: 'auto' }, ''],
    ['Merge', { etag: '1' }, '<Products><Product><ID>1</ID><Rating>4</Rating></Product></Products>']
  ])(
    '%s refuses a value that is not an ETag (an unquoted one) instead of sending it as If-Match',
    async (operation, params, input) => {
      const r = await invoke(operation, params, input);
      expect(r.status).toBe(-1);
      expect(r.output).toContain('code="PARAMETER_INVALID"');
      expect(r.output).toContain(
        `etag "${params.etag}" is not an ETag: pass one as a read answered it, quotes included`
      );
      expect(r.writes).toEqual([]);
    }
  );

  it.each(['W/"1"', '"abc"', '*'])('sends %s as If-Match', async etag => {
    const r = await invoke('Delete', { resourcePath: 'Products(1)', etag }, '');
    expect(r.status).toBe(1);
    expect(r.writes.map(q => q.headers?.['if-match'])).toEqual([etag]);
  });
});
