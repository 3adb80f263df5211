import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { findDemoServiceDir, resolveServeScript, startDemoService, type DemoService } from './demo-service';

interface V4Collection<T> {
  readonly '@odata.count'?: number;
  readonly '@odata.nextLink'?: string;
  readonly value: readonly T[];
}
interface V2Collection<T> {
  readonly d: { readonly results: readonly T[]; readonly __count?: string; readonly __next?: string };
}
interface Row {
  readonly ID: number;
  readonly Name: string;
}

const START_TIMEOUT = 60_000;
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('demo service (CSRF and $ref emulation on)', () => {
  let svc: DemoService;

  beforeAll(async () => {
    svc = await startDemoService({ csrf: true, refs: true });
  }, START_TIMEOUT);

  afterAll(async () => {
    await svc?.stop();
  });

  it('exposes the URLs on 127.0.0.1', () => {
    expect(svc.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(svc.v4Url).toBe(`${svc.baseUrl}/odata/v4/demo/`);
    expect(svc.v2Url).toBe(`${svc.baseUrl}/odata/v2/demo/`);
    expect(svc.secureV4Url).toBe(`${svc.baseUrl}/odata/v4/secure/`);
    expect(svc.secureV2Url).toBe(`${svc.baseUrl}/odata/v2/secure/`);
  });

  it('V4 $metadata lists entity sets, singleton, function and action', async () => {
    const res = await fetch(`${svc.v4Url}$metadata`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('<Schema Namespace="ODataDemo"');
    expect(xml).toContain('<EntityContainer Name="EntityContainer">');
    for (const set of ['Products', 'Categories', 'Suppliers', 'Advertisements', 'People', 'AllTypes', 'StockLevels']) {
      expect(xml).toContain(`<EntitySet Name="${set}" EntityType="ODataDemo.${set}"`);
    }
    expect(xml).toContain('<Singleton Name="Info" Type="ODataDemo.Info" Nullable="true"/>');
    expect(xml).toContain(
      '<FunctionImport Name="CountCategories" Function="ODataDemo.CountCategories" EntitySet="Categories"/>'
    );
    expect(xml).toContain('<ActionImport Name="Reset" Action="ODataDemo.Reset"/>');
    expect(xml).toContain('<Function Name="PriceWithTax" IsBound="true"');
    expect(xml).toContain('<Action Name="Discount" IsBound="true"');
    expect(xml).toContain('<Property Name="AddressInfo" Type="Collection(ODataDemo.Location)"');
    expect(xml).toContain('<Property Name="I64" Type="Edm.Int64"/>');
  });

  it('V2 $metadata is served by the adapter', async () => {
    const res = await fetch(`${svc.v2Url}$metadata`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('<edmx:Edmx Version="1.0"');
    expect(xml).toContain('<Schema Namespace="ODataDemo"');
    expect(xml).toContain('<EntitySet Name="Info" EntityType="ODataDemo.Info"/>');
    expect(xml).toContain('<Property Name="Concurrency" Type="Edm.Int32" ConcurrencyMode="Fixed"/>');
    expect(xml).toContain('<EntityType Name="Advertisements" m:HasStream="true">');
  });

  it('filters and counts Products (V4)', async () => {
    const body = await getJson<V4Collection<Row>>(`${svc.v4Url}Products?$filter=ID le 10&$count=true&$select=ID,Name`);
    expect(body['@odata.count']).toBe(11);
    expect(body.value.map(p => p.ID)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.value[0]?.Name).toBe('Notebook Basic 15');
    // $search looks in every string property: two names and four more descriptions say "ergo…".
    const search = await getJson<V4Collection<Row>>(`${svc.v4Url}Products?$search=Ergo&$select=ID,Name`);
    expect(search.value.map(p => p.ID)).toEqual([4, 6, 7, 8, 9, 10]);
  });

  it('pages Categories on the server (2 per page, 3 pages)', async () => {
    const names: string[] = [];
    let url: string | undefined = `${svc.v4Url}Categories`;
    let pages = 0;
    while (url) {
      const page: V4Collection<Row> = await getJson<V4Collection<Row>>(url);
      pages += 1;
      names.push(...page.value.map(c => c.Name));
      const next: string | undefined = page['@odata.nextLink'];
      if (pages === 1) expect(next).toBeDefined();
      url = next ? new URL(next, svc.v4Url).href : undefined;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(['Notebooks', 'Organizers', 'Monitors', 'Printers', 'Accessories']);
  });

  it('answers V2 JSON with d.results and __count', async () => {
    const body = await getJson<V2Collection<Row>>(`${svc.v2Url}Products?$format=json&$inlinecount=allpages&$top=3`);
    expect(body.d.__count).toBe('12');
    expect(body.d.results.map(p => p.Name)).toEqual(['Notebook Basic 15', 'Notebook Professional 17', '1UMTS PDA']);
  });

  it('keeps Int64 and Decimal exact (as JSON strings)', async () => {
    const v4 = await (await fetch(`${svc.v4Url}AllTypes(1)`)).text();
    expect(v4).toContain('"I64":"9007199254740993"');
    expect(v4).toContain('"Dec":"4045.1000"');
    expect(v4).toContain('"Str":"00012"');
    const v2 = await (await fetch(`${svc.v2Url}AllTypes(1)?$format=json`)).text();
    expect(v2).toContain('"I64":"9007199254740993"');
  });

  it('runs CountCategories (X4 sample: Amount=2 gives three categories)', async () => {
    const body = await getJson<V4Collection<Row>>(`${svc.v4Url}CountCategories(Amount=2)`);
    expect(body.value.map(c => c.Name)).toEqual(['Notebooks', 'Organizers', 'Monitors']);
  });

  it('protects the secure service with Basic auth', async () => {
    const url = `${svc.secureV4Url}Products?$top=1`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="Users"');
    expect((await fetch(url, { headers: { authorization: basic('tester', 'wrong') } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: basic('alice', '') } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: basic('tester', 'secret') } })).status).toBe(200);
    const v2 = await fetch(`${svc.secureV2Url}Products?$top=1&$format=json`, {
      headers: { authorization: basic('tester', 'secret') }
    });
    expect(v2.status).toBe(200);
    expect((await fetch(`${svc.secureV2Url}Products?$top=1`)).status).toBe(401);
  });

  it('requires a CSRF token for modifying requests (V4 and V2)', async () => {
    const product = JSON.stringify({ ID: 900, Name: 'CSRF probe' });
    const json = { 'content-type': 'application/json' };
    const denied = await fetch(`${svc.v4Url}Products`, { method: 'POST', headers: json, body: product });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-csrf-token')).toBe('Required');

    const fetched = await fetch(svc.v4Url, { headers: { 'x-csrf-token': 'Fetch' } });
    expect(fetched.status).toBe(200);
    const token = fetched.headers.get('x-csrf-token');
    expect(token).toBeTruthy();
    expect(fetched.headers.get('set-cookie')).toMatch(/SAP_SESSIONID_DEMO=/);
    const headers = { ...json, 'x-csrf-token': token ?? '' };

    const created = await fetch(`${svc.v4Url}Products`, { method: 'POST', headers, body: product });
    expect(created.status).toBe(201);

    const v2Denied = await fetch(`${svc.v2Url}Products(900)`, { method: 'DELETE' });
    expect(v2Denied.status).toBe(403);
    const v2Deleted = await fetch(`${svc.v2Url}Products(900)`, { method: 'DELETE', headers });
    expect(v2Deleted.status).toBe(204);
  });

  it('emulates $ref (V4) and $links (V2)', async () => {
    const one = await getJson<{ '@odata.id': string }>(`${svc.v4Url}Products(1)/Category/$ref`);
    expect(one['@odata.id']).toBe(`${svc.v4Url}Categories(0)`);
    const many = await getJson<V4Collection<{ '@odata.id': string }>>(`${svc.v4Url}Categories(0)/Products/$ref`);
    expect(many.value.map(r => r['@odata.id'])).toEqual([`${svc.v4Url}Products(0)`, `${svc.v4Url}Products(1)`]);
    const v2 = await getJson<{ d: { uri: string } }>(`${svc.v2Url}Products(2)/$links/Supplier`);
    expect(v2.d.uri).toBe(`${svc.v2Url}Suppliers(0)`);
  });

  it('resets the seed data with the Reset action', async () => {
    const token = (await fetch(svc.v4Url, { headers: { 'x-csrf-token': 'Fetch' } })).headers.get('x-csrf-token') ?? '';
    const headers = { 'content-type': 'application/json', 'x-csrf-token': token };
    const patched = await fetch(`${svc.v4Url}Products(3)`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ Name: 'changed' })
    });
    expect(patched.status).toBe(200);
    const reset = await fetch(`${svc.v4Url}Reset`, { method: 'POST', headers, body: JSON.stringify({ Amount: 5 }) });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { value: number }).value).toBe(5);
    expect((await getJson<Row>(`${svc.v4Url}Products(3)`)).Name).toBe('Comfort Easy');
  });
});

describe('demo service (default options)', () => {
  let svc: DemoService;

  beforeAll(async () => {
    svc = await startDemoService();
  }, START_TIMEOUT);

  afterAll(async () => {
    await svc?.stop();
  });

  it('accepts modifying requests without a CSRF token and has no $ref', async () => {
    const created = await fetch(`${svc.v4Url}Categories`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ID: 77, Name: 'Snacks' })
    });
    expect(created.status).toBe(201);
    const duplicate = await fetch(`${svc.v4Url}Categories`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ID: 77, Name: 'Snacks' })
    });
    expect(duplicate.status).toBe(409);
    expect((await fetch(`${svc.v4Url}Products(1)/Category/$ref`)).status).toBe(404);
  });

  it('stops the process', async () => {
    await svc.stop();
    await expect(fetch(`${svc.v4Url}$metadata`)).rejects.toThrow();
    await svc.stop(); // idempotent
  });
});

describe('demo service location and prerequisites', () => {
  it('finds fixtures/demo-service above this folder', () => {
    expect(findDemoServiceDir()).toBe(path.resolve(__dirname, '..', '..', 'fixtures', 'demo-service'));
  });

  it('names the dev dependencies when they cannot be resolved', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'no-cds-'));
    try {
      expect(() => resolveServeScript(dir)).toThrow(
        /needs the dev dependencies @sap\/cds, @cap-js\/sqlite, @cap-js-community\/odata-v2-adapter/
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
