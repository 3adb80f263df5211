import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// Live: Batch and Upsert against the CAP demo service over V2 (Gateway-style strict CSRF emulation on).
// The SuccessFactors upsert function import does not exist in CAP; it is covered by operations/upsert.spec.ts
// and the hand-built fixtures under fixtures/odata-v2/Upsert.
let service: DemoService;
const runtime = createRuntime([odataV2]);
const invoke = (operation: string, params: Record<string, string>, input?: string) =>
  runtime.invoke({ connector: 'odata-v2', operation, params: { serviceUrl: service.v2Url, ...params }, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  service = await startDemoService({ csrf: 'strict' });
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 Upsert against the live demo service', () => {
  it('generic upsert in Atom: reads by key in Atom, merges the existing Supplier with its ETag and creates the missing one', async () => {
    const r = await invoke('Upsert', { upsertMode: 'generic', format: 'atom' }, '<Suppliers><Suppliers><ID>1</ID><Name>Tokyo Atom</Name></Suppliers><Suppliers><ID>961</ID><Name>Atom Supplier</Name></Suppliers></Suppliers>');
    expect(r.output).not.toContain('<Error');
    expect(r.status).toBe(1);
    expect(r.output).toContain('editStatus="UPDATED"');
    expect(r.output).toMatch(/httpStatus="201"[^>]*editStatus="INSERTED"/);
    const read = await invoke('Read', { resourcePath: 'Suppliers', queryOptions: '$filter=ID eq 1 or ID eq 961&$select=ID,Name&$orderby=ID' });
    expect(read.output).toMatch(/<Name>Tokyo Atom<\/Name>[\s\S]*<Name>Atom Supplier<\/Name>/);
  });

  it('generic upsert in Atom of an entity without ETag: the Atom answer of the probe is what is read', async () => {
    const r = await invoke('Upsert', { upsertMode: 'generic', format: 'atom' }, '<Categories><Categories><ID>1</ID><Name>Organizers (Atom)</Name></Categories></Categories>');
    expect(r.output).not.toContain('<Error');
    expect(r.output).toContain('editStatus="UPDATED"');
  });
});
