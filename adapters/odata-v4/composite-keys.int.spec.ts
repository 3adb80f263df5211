import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { liveRuntime, resetDemo } from './testing/live-runtime';

// StockLevels has a key of two strings; one warehouse is O'Hare, so the predicate needs '' escaping.
let demo: DemoService;
const { invoke, requests } = liveRuntime();
const run = (operation: string, params: Record<string, string> = {}, input?: string) =>
  invoke(operation, { serviceUrl: demo.v4Url, entitySet: 'StockLevels', ...params }, input);
const entity = (props: string) => `<Request><Entity entitySet="StockLevels">${props}</Entity></Request>`;

beforeAll(async () => {
  demo = await startDemoService();
}, 60_000);
afterAll(() => demo?.stop());
beforeEach(() => resetDemo(demo.v4Url));

describe('odata-v4 composite keys against the demo service', () => {
  it('ReadSingleEntity by a composite entityId, quoting escaped', async () => {
    const r = await run('ReadSingleEntity', { entityId: "Warehouse='O''Hare',Sku='NB-15'" });
    expect(r.status).toBe(1);
    expect(r.output).toContain('<Value type="String" name="Warehouse">O\'Hare</Value>');
    expect(r.output).toContain('<Value type="Number" name="Quantity">3</Value>');
  });

  it('Create, Update (keys from isId) and Delete an entity with a composite key', async () => {
    const keys =
      '<Property name="Warehouse" value="Köln &amp; Co" isId="true"/><Property name="Sku" value="A/B" isId="true"/>';
    expect((await run('CreateEntity', {}, entity(`${keys}<Property name="Quantity" value="1"/>`))).status).toBe(1);
    const upd = await run('UpdateEntity', {}, entity(`${keys}<Property name="Quantity" value="5"/>`));
    expect(upd.status).toBe(1);
    const back = await run('ReadSingleEntity', { entityId: "Warehouse='Köln & Co',Sku='A/B'" });
    expect(back.output).toContain('<Value type="Number" name="Quantity">5</Value>');
    expect((await run('DeleteEntity', {}, entity(keys))).status).toBe(1);
    const gone = await run('ReadSingleEntity', { entityId: "Warehouse='Köln & Co',Sku='A/B'" });
    expect(gone.status).toBe(-1);
    expect(gone.output).toContain('httpStatus="404"');
  });

  it('refuses a composite entityId that misses a key part, before sending', async () => {
    const before = requests.length;
    const r = await run('ReadSingleEntity', { entityId: "Warehouse='Berlin'" });
    expect(r.status).toBe(-1);
    expect(r.output).toMatch(/Sku/);
    expect(requests.slice(before).filter(q => q.url.includes('StockLevels('))).toEqual([]);
  });
});
