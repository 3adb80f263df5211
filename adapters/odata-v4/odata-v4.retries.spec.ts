import { createRuntime, type InvokeRequest, type RuntimeOptions } from '../../src/index';
import { CSRF_TOKEN, startFlakyODataService, type FlakyODataService } from '../testing/flaky-odata-service';
import { odataV4 } from './index';

// Reads (GET/HEAD: entity reads, each page, $metadata, the CSRF token fetch) are retried on 429/502/503/504 and
// resets with bounded backoff honouring Retry-After; writes are never sent twice. Against a loopback service the
// spec scripts to fail; the waits go through an injected sleep, so nothing waits for real.
let service: FlakyODataService;
beforeEach(async () => {
  service = await startFlakyODataService();
});
afterEach(() => service.stop());

const PASSWORD = 'Retry-Secret-01';
const unavailable = (retryAfter?: string) => ({
  status: 503,
  ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } })
});

function runtime(options: RuntimeOptions = {}) {
  const waits: number[] = [];
  const logs: string[] = [];
  const rt = createRuntime([odataV4], {
    sleep: async ms => void waits.push(ms),
    log: (level, message) => void logs.push(`${level}: ${message}`),
    ...options
  });
  const invoke = (operation: string, params: Record<string, string> = {}, input?: string) =>
    rt.invoke({
      connector: 'odata-v4',
      operation,
      params: { serviceUrl: service.v4, user: 'u', password: PASSWORD, ...params },
      ...(input === undefined ? {} : { input })
    } satisfies InvokeRequest);
  return { invoke, waits, logs };
}

const isPage = (token: number | undefined) => (r: { method: string; path: string }) =>
  r.method === 'GET' && r.path === (token === undefined ? '/v4/Items' : `/v4/Items?$skiptoken=${token}`);
const CREATE =
  '<Request><Entity entitySet="Items"><Property name="ID" value="11"/><Property name="Name" value="new"/></Entity></Request>';

describe('odata-v4 retries of reads', () => {
  it('a read answered 503 + Retry-After twice, then 200, succeeds with the attempts in the result and the log', async () => {
    const clean = await runtime().invoke('ReadEntitySet', { entitySet: 'Items' });
    const { invoke, waits, logs } = runtime();
    service.fail(isPage(undefined), unavailable('1'), unavailable('1'));
    const result = await invoke('ReadEntitySet', { entitySet: 'Items' });
    expect(result.status).toBe(1);
    expect(result.output).toBe(clean.output); // a successful result's XML is as without retries
    expect(result.retried).toEqual({ requests: 1, attempts: 3 });
    expect(clean.retried).toBeUndefined();
    expect(waits).toEqual([1000, 1000]);
    expect(logs).toContain(`info: GET ${service.v4}Items answered 503: retry 1 in 1000 ms`);
    expect(logs).toContain(`info: GET ${service.v4}Items answered 503: retry 2 in 1000 ms`);
    expect(service.count('GET', '/v4/Items')).toBe(1 + 3); // the clean read, then three attempts
    expect(JSON.stringify([result, logs])).not.toContain(PASSWORD);
  });

  it('honours a Retry-After HTTP date, and retries 429, 502 and 504 with full-jitter backoff below the cap', async () => {
    const { invoke, waits } = runtime();
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    service.fail(
      isPage(undefined),
      { status: 429, headers: { 'retry-after': inTwoSeconds } },
      { status: 502 },
      { status: 504 }
    );
    const result = await invoke('ReadEntitySet', { entitySet: 'Items' });
    expect(result.status).toBe(1);
    expect(result.retried).toEqual({ requests: 1, attempts: 4 });
    const [dated = -1, first = -1, second = -1] = waits;
    expect(dated).toBeGreaterThan(0);
    expect(dated).toBeLessThanOrEqual(2000);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1000); // retry 2: random below 500·2
    expect(second).toBeLessThan(2000); // retry 3: random below 500·4
  });

  it('retries the $metadata fetch', async () => {
    const { invoke } = runtime();
    service.fail(r => r.path === '/v4/$metadata', { status: 502 }, unavailable('0'));
    const result = await invoke('ReadEntitySet', { entitySet: 'Items' });
    expect(result.status).toBe(1);
    expect(service.count('GET', '/v4/$metadata')).toBe(3);
    expect(result.retried).toEqual({ requests: 1, attempts: 3 });
  });

  it('a paged read resumes at the page that failed: page 3 of 5 answered 503, pages 1-2 fetched once', async () => {
    const { invoke } = runtime();
    service.fail(isPage(4), unavailable('0'));
    const result = await invoke('ReadEntitySet', { entitySet: 'Items' });
    expect(result.status).toBe(1);
    expect(result.output.match(/name="ID">\d+</g)).toHaveLength(10);
    expect([undefined, 2, 4, 6, 8].map(t => service.seen.filter(isPage(t)).length)).toEqual([1, 1, 2, 1, 1]);
    expect(result.retried).toEqual({ requests: 1, attempts: 2 });
  });

  it('retries a read cut off by a connection reset (the transport resends once on a fresh socket first)', async () => {
    const { invoke, logs } = runtime();
    service.fail(isPage(2), 'reset', 'reset');
    const result = await invoke('ReadEntitySet', { entitySet: 'Items' });
    expect(result.status).toBe(1);
    expect(service.seen.filter(isPage(2))).toHaveLength(3);
    expect(result.retried).toEqual({ requests: 1, attempts: 2 });
    expect(logs.some(l => l.includes('failed (ECONNRESET): retry 1'))).toBe(true);
  });

  it('retries exhausted: -1 naming the status and the attempts', async () => {
    const { invoke, waits } = runtime();
    service.fail(isPage(2), unavailable('0'), unavailable('0'), unavailable('0'));
    const result = await invoke('ReadEntitySet', { entitySet: 'Items', maxRetries: '2' });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<Error code="HTTP_STATUS" httpStatus="503">');
    expect(result.output).toContain(
      'answered 503 (service unavailable) — gave up after 3 attempts (answers: 503, 503, 503)'
    );
    expect(result.output).toContain('<Detail name="Attempts">3</Detail>');
    expect(result.retried).toEqual({ requests: 1, attempts: 3 });
    expect(waits).toEqual([0, 0]);
  });

  it('maxRetries=0 disables retrying', async () => {
    const { invoke, waits } = runtime();
    service.fail(isPage(undefined), unavailable('0'));
    const result = await invoke('ReadEntitySet', { entitySet: 'Items', maxRetries: '0' });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('answered 503 (service unavailable) — the service asked to be retried in 0 s');
    expect(result.output).not.toContain('Attempts');
    expect(service.count('GET', '/v4/Items')).toBe(1);
    expect(result.retried).toBeUndefined();
    expect(waits).toEqual([]);
  });

  it('does not wait for a Retry-After beyond retryMaxDelayMs or the deadline: -1 saying when to retry', async () => {
    const { invoke, waits } = runtime();
    service.fail(isPage(undefined), unavailable('120'));
    const capped = await invoke('ReadEntitySet', { entitySet: 'Items', retryMaxDelayMs: '10000' });
    expect(capped.status).toBe(-1);
    expect(capped.output).toContain(
      'not retried: the service asked to be retried in 120 s, longer than retryMaxDelayMs allows'
    );
    expect(capped.output).toContain('<Detail name="Retry-After">120</Detail>');
    const late = runtime({ deadlineMs: 30_000 });
    service.fail(isPage(undefined), unavailable('60'));
    const pastDeadline = await late.invoke('ReadEntitySet', { entitySet: 'Items', retryMaxDelayMs: '120000' });
    expect(pastDeadline.output).toContain(
      "not retried: the service asked to be retried in 60 s, beyond the invocation's deadline"
    );
    expect([...waits, ...late.waits]).toEqual([]);
    expect(service.count('GET', '/v4/Items')).toBe(2);
  });

  it('a wait ends when the invocation is aborted: ABORTED, nothing sent again', async () => {
    const controller = new AbortController();
    const rt = createRuntime([odataV4], {
      sleep: () => (controller.abort(), new Promise<void>(() => undefined)) // never ends by itself
    });
    service.fail(isPage(undefined), unavailable('5'));
    const result = await rt.invoke({
      connector: 'odata-v4',
      operation: 'ReadEntitySet',
      params: { serviceUrl: service.v4, entitySet: 'Items' },
      signal: controller.signal
    });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<Error code="ABORTED">');
    expect(service.count('GET', '/v4/Items')).toBe(1);
  });
});

describe('odata-v4 writes are never sent twice', () => {
  it('retries the CSRF token fetch before a write; the write goes once with the token', async () => {
    const { invoke } = runtime();
    service.fail(r => r.method === 'HEAD', unavailable('0'), { status: 429 });
    const result = await invoke('CreateEntity', {}, CREATE);
    expect(result.status).toBe(1);
    expect(service.count('HEAD', '/v4/')).toBe(3);
    expect(service.seen.filter(r => r.method === 'POST').map(r => r.csrfToken)).toEqual([CSRF_TOKEN]);
    expect(result.retried).toEqual({ requests: 1, attempts: 3 });
  });

  it('a write answered 503 + Retry-After (twice, then 200 for a retry) ends with the outcome unknown, sent once', async () => {
    const { invoke, waits } = runtime();
    service.fail(r => r.method === 'POST', unavailable('1'), unavailable('1'));
    const result = await invoke('CreateEntity', {}, CREATE);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      'the outcome is unknown: the request may have reached the service, so it was not sent again (sent once); check the service'
    );
    expect(result.output).toContain('<Detail name="Outcome">unknown</Detail>');
    expect(result.output).toContain('<Detail name="Attempts">1</Detail>');
    expect(service.count('POST', '/v4/Items')).toBe(1);
    expect(waits).toEqual([]);
    expect(result.retried).toBeUndefined();
  });

  it('a reset on a write: the outcome is unknown, sent once', async () => {
    const { invoke } = runtime();
    service.fail(r => r.method === 'POST', 'reset');
    const result = await invoke('CreateEntity', {}, CREATE);
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<Error code="TRANSPORT">');
    expect(result.output).toContain('ECONNRESET');
    expect(result.output).toContain('the outcome is unknown');
    expect(result.output).toContain('<Detail name="Outcome">unknown</Detail>');
    expect(service.count('POST', '/v4/Items')).toBe(1);
    expect(result.output).not.toContain(PASSWORD);
  });

  it('a write refused with 429 is not sent again either, and says when the service asked to be retried', async () => {
    const { invoke } = runtime();
    service.fail(r => r.method === 'POST', { status: 429, headers: { 'retry-after': '30' } });
    const result = await invoke('CreateEntity', {}, CREATE);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      'answered 429 (too many requests) — refused before it acted, and a write is not sent again automatically; the service asked to be retried in 30 s'
    );
    expect(result.output).not.toContain('Outcome');
    expect(service.count('POST', '/v4/Items')).toBe(1);
  });
});
