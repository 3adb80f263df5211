import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// StockLevels (demo service) has a key of two strings, one of them O'Hare: V2 key predicates with '' escaping.
// CAP names the entity type like its set, so the payload is <StockLevels><StockLevels>.
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
  service = await startDemoService();
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 composite keys against the live demo service', () => {
  it('Read by a composite key with an escaped quote', async () => {
    const r = await invoke('Read', { resourcePath: "StockLevels(Warehouse='O''Hare',Sku='NB-15')" });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/<Warehouse>O'Hare<\/Warehouse>\s*<Sku>NB-15<\/Sku>\s*<Quantity>3<\/Quantity>/);
  });

  it('Create, Merge (key taken from the payload) and Delete', async () => {
    const payload = (qty: string) =>
      `<StockLevels><StockLevels><Warehouse>O'Hare</Warehouse><Sku>Z-1</Sku><Quantity>${qty}</Quantity></StockLevels></StockLevels>`;
    expect((await invoke('Create', { resourcePath: 'StockLevels' }, payload('1'))).status).toBe(1);
    const merged = await invoke('Merge', { resourcePath: "StockLevels(Warehouse='O''Hare',Sku='Z-1')" }, payload('4'));
    expect(merged.status).toBe(1);
    const back = await invoke('Read', { resourcePath: "StockLevels(Warehouse='O''Hare',Sku='Z-1')" });
    expect(back.output).toContain('<Quantity>4</Quantity>');
    expect((await invoke('Delete', { resourcePath: "StockLevels(Warehouse='O''Hare',Sku='Z-1')" })).status).toBe(1);
    expect((await invoke('Read', { resourcePath: "StockLevels(Warehouse='O''Hare',Sku='Z-1')" })).output).toContain(
      'httpStatus="404"'
    );
  });
});
