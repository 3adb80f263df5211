import { createRuntime } from '../../src/index';
import { CSRF_TOKEN, startFlakyODataService, type FlakyODataService } from '../testing/flaky-odata-service';
import { odataV2 } from './index';

// The V2 connector retries reads as the V4 one does (one middleware serves both): each page, $metadata and the
// CSRF token fetch; a write (a tunnelled MERGE too) is sent once. Waits go through an injected sleep.
let service: FlakyODataService;
beforeEach(async () => {
  service = await startFlakyODataService();
});
afterEach(() => service.stop());

function runtime() {
  const waits: number[] = [];
  const rt = createRuntime([odataV2], { sleep: async ms => void waits.push(ms) });
  const invoke = (operation: string, params: Record<string, string>, input?: string) =>
    rt.invoke({
      connector: 'odata-v2',
      operation,
      params: { serviceUrl: service.v2, ...params },
      ...(input === undefined ? {} : { input })
    });
  return { invoke, waits };
}

const page = (token?: number) => (r: { method: string; path: string }) =>
  r.method === 'GET' && r.path === (token === undefined ? '/v2/Items' : `/v2/Items?$skiptoken=${token}`);
const unavailable = { status: 503, headers: { 'retry-after': '1' } };
const CREATE = '<Items><Item><ID>11</ID><Name>new</Name></Item></Items>';

describe('odata-v2 retries', () => {
  it('a read answered 503 + Retry-After twice, then 200, succeeds with the attempts reported', async () => {
    const { invoke, waits } = runtime();
    service.fail(page(), unavailable, unavailable);
    const result = await invoke('Read', { resourcePath: 'Items' });
    expect(result.status).toBe(1);
    expect(result.retried).toEqual({ requests: 1, attempts: 3 });
    expect(waits).toEqual([1000, 1000]);
  });

  it('a paged read resumes at the page that failed: page 3 of 5, pages 1-2 fetched once', async () => {
    const { invoke } = runtime();
    service.fail(page(4), { status: 504 }, { status: 502 });
    const result = await invoke('Read', { resourcePath: 'Items' });
    expect(result.status).toBe(1);
    expect(result.output.match(/<Item>/g)).toHaveLength(10);
    expect([undefined, 2, 4, 6, 8].map(t => service.seen.filter(page(t)).length)).toEqual([1, 1, 3, 1, 1]);
  });

  it('retries $metadata and the CSRF token fetch; the create goes once, with the token', async () => {
    const { invoke } = runtime();
    service.fail(r => r.path === '/v2/$metadata', { status: 429, headers: { 'retry-after': '0' } });
    service.fail(r => r.method === 'HEAD', unavailable);
    const result = await invoke('Create', { resourcePath: 'Items' }, CREATE);
    expect(result.status).toBe(1);
    expect(service.count('GET', '/v2/$metadata')).toBe(2);
    expect(service.count('HEAD', '/v2/')).toBe(2);
    expect(service.seen.filter(r => r.method === 'POST').map(r => r.csrfToken)).toEqual([CSRF_TOKEN]);
    expect(result.retried).toEqual({ requests: 2, attempts: 4 });
  });

  it('retries exhausted: -1 naming the status and the attempts', async () => {
    const { invoke } = runtime();
    service.fail(page(), unavailable, unavailable);
    const result = await invoke('Read', { resourcePath: 'Items', maxRetries: '1' });
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      'gave up after 2 attempts (answers: 503, 503); the service asked to be retried in 1 s'
    );
    expect(result.output).toContain('<Detail name="Attempts">2</Detail>');
  });

  it.each([
    ['a create answered 503', 'Create', { resourcePath: 'Items' }, CREATE, 'POST', '/v2/Items'],
    [
      'a $batch answered 503',
      'Batch',
      {},
      '<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method><uri>Items</uri>' +
        CREATE +
        '</batchChangeSetPart></batchChangeSet></batchParts>',
      'POST',
      '/v2/$batch'
    ],
    [
      'a tunnelled MERGE answered 503',
      'Merge',
      { resourcePath: 'Items(1)', methodTunneling: 'true' },
      '<Items><Item><Name>changed</Name></Item></Items>',
      'POST',
      '/v2/Items(1)'
    ]
  ])('%s: the outcome is unknown, sent once', async (_what, operation, params, input, method, path) => {
    const { invoke, waits } = runtime();
    service.fail(r => r.method === method && r.path === path, unavailable, unavailable);
    const result = await invoke(operation, params, input);
    expect(result.status).toBe(-1);
    expect(result.output).toContain('the outcome is unknown');
    expect(result.output).toContain('<Detail name="Outcome">unknown</Detail>');
    expect(service.count(method, path)).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a reset on a create: the outcome is unknown, sent once', async () => {
    const { invoke } = runtime();
    service.fail(r => r.method === 'POST', 'reset');
    const result = await invoke('Create', { resourcePath: 'Items' }, CREATE);
    expect(result.status).toBe(-1);
    expect(result.output).toContain('ECONNRESET');
    expect(result.output).toContain('the outcome is unknown');
    expect(service.count('POST', '/v2/Items')).toBe(1);
  });
});
