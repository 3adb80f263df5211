import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// Live against the CAP demo service over V2: how Delete is addressed, how Read pages, where its ETags come
// from, and which $select/$expand names it accepts.
let service: DemoService;
const runtime = createRuntime([odataV2]);
const invoke = (operation: string, params: Record<string, string>, input?: string) =>
  runtime.invoke({ connector: 'odata-v2', operation, params: { serviceUrl: service.v2Url, ...params }, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  service = await startDemoService({ csrf: true });
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 Delete with an envelope (live)', () => {
  it('refuses a resourcePath that is not the envelope entity, deletes nothing; deletes it when the path is its key', async () => {
    expect((await invoke('Create', {}, '<Products><Products><ID>7300</ID><Name>Keep</Name></Products><Products><ID>7301</ID><Name>Other</Name></Products></Products>')).status).toBe(1);
    const envelope = '<Products><Products><ID>7300</ID></Products></Products>';
    const toSet = await invoke('Delete', { resourcePath: 'Products' }, envelope);
    expect(toSet.status).toBe(-1);
    expect(toSet.output).toContain('resourcePath "Products" does not address one entity');
    const toOther = await invoke('Delete', { resourcePath: 'Products(7301)' }, envelope);
    expect(toOther.status).toBe(-1);
    expect(toOther.output).toContain("the envelope's entity has the key ID=7300");
    const still = await invoke('Read', { resourcePath: 'Products', queryOptions: '$filter=ID ge 7300 and ID le 7301&$select=ID' });
    expect(still.output.match(/<ID>73\d\d<\/ID>/g)).toEqual(['<ID>7300</ID>', '<ID>7301</ID>']);
    expect((await invoke('Delete', { resourcePath: 'Products(7300)' }, envelope)).status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Products(7300)' })).output).toContain('httpStatus="404"');
  });
});
