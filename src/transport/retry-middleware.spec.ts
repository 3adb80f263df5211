import { ConnectorError } from '../errors/connector-error';
import type { HttpRequest, HttpResponse } from './transport';
import { retryDelayMs, retryMiddleware, type RetryNotice } from './retry-middleware';

const request: HttpRequest = { method: 'POST', url: 'https://x.example/' };
const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: '' });

describe('retryMiddleware', () => {
  it('retries while the response is transient, at most maxRetries times, with capped exponential waits', async () => {
    const waits: number[] = [];
    let calls = 0;
    const mw = retryMiddleware({
      maxRetries: 4,
      baseDelayMs: 100,
      maxDelayMs: 250,
      shouldRetry: r => r.status === 429,
      sleep: async ms => void waits.push(ms)
    });
    const final = await mw(request, async () => (calls++, answer(429)));
    expect(calls).toBe(5);
    expect(waits).toEqual([100, 200, 250, 250]);
    expect(final.attempts).toBe(5);
  });

  it('stops at the first non-transient answer and does not mark a first-time success', async () => {
    const seq = [answer(429), answer(200)];
    const mw = retryMiddleware({
      maxRetries: 3,
      baseDelayMs: 1,
      shouldRetry: r => r.status === 429,
      sleep: async () => undefined
    });
    const final = await mw(request, async () => seq.shift() ?? answer(500));
    expect(final.status).toBe(200);
    expect(final.attempts).toBe(2);
    const once = await mw(request, async () => answer(200));
    expect(once.attempts).toBeUndefined();
  });

  it('says what the earlier attempts answered (a 5xx may have done the work a retry then finds done)', async () => {
    const seq = [answer(429), answer(500), answer(400)];
    const mw = retryMiddleware({
      maxRetries: 3,
      baseDelayMs: 0,
      shouldRetry: r => r.status >= 429,
      sleep: async () => undefined
    });
    const final = await mw(request, async () => seq.shift() ?? answer(200));
    expect(final.status).toBe(400);
    expect(final.earlierStatuses).toEqual([429, 500]);
    expect((await mw(request, async () => answer(400))).earlierStatuses).toBeUndefined();
  });

  it('sends each attempt through next again (so signing middlewares after it re-sign)', async () => {
    const seen: HttpRequest[] = [];
    const mw = retryMiddleware({
      maxRetries: 1,
      baseDelayMs: 0,
      shouldRetry: () => true,
      sleep: async () => undefined
    });
    await mw(request, async r => (seen.push(r), answer(503)));
    expect(seen).toHaveLength(2);
  });

  it('honours Retry-After within the cap', () => {
    expect(retryDelayMs(1, { baseDelayMs: 100, maxDelayMs: 5000 }, answer(429, { 'retry-after': '2' }))).toBe(2000);
    expect(retryDelayMs(1, { baseDelayMs: 100, maxDelayMs: 5000 }, answer(429, { 'retry-after': '60' }))).toBe(5000);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(
      retryDelayMs(
        1,
        { baseDelayMs: 100, maxDelayMs: 5000 },
        answer(429, { 'retry-after': 'Wed, 21 Oct 2026 07:28:03 GMT' }),
        now
      )
    ).toBe(3000);
    expect(
      retryDelayMs(
        1,
        { baseDelayMs: 100, maxDelayMs: 5000 },
        answer(429, { 'retry-after': 'Wed, 21 Oct 2026 07:27:00 GMT' }),
        now
      )
    ).toBe(0);
    expect(retryDelayMs(2, { baseDelayMs: 100, maxDelayMs: 5000 }, answer(429, { 'retry-after': 'soon' }), now)).toBe(
      200
    );
  });

  it('retries a failure to get an answer that retryError accepts, and says how many attempts a lasting one took', async () => {
    const reset = new ConnectorError(
      'TRANSPORT',
      'GET https://x.example/ failed: ECONNRESET',
      {},
      {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
      }
    );
    const notices: RetryNotice[] = [];
    const mw = retryMiddleware({
      maxRetries: 2,
      baseDelayMs: 0,
      shouldRetry: () => false,
      retryError: e => e === reset,
      sleep: async () => undefined,
      onRetry: n => void notices.push(n)
    });
    const error = await mw(request, async () => Promise.reject(reset)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).toBe(
      'GET https://x.example/ failed: ECONNRESET (gave up after 3 attempts)'
    );
    expect((error as ConnectorError).details.extra).toEqual({ Attempts: '3' });
    expect(notices.map(n => [n.retry, n.reason])).toEqual([
      [1, 'ECONNRESET'],
      [2, 'ECONNRESET']
    ]);
    const other = new ConnectorError('TRANSPORT', 'refused');
    expect(await mw(request, async () => Promise.reject(other)).catch((e: unknown) => e)).toBe(other);
  });

  it('full jitter waits at random below the exponential bound', async () => {
    const waits: number[] = [];
    const mw = retryMiddleware({
      maxRetries: 3,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      jitter: () => 0.5,
      shouldRetry: r => r.status === 503,
      sleep: async ms => void waits.push(ms)
    });
    await mw(request, async () => answer(503));
    expect(waits).toEqual([250, 500, 1000]);
  });

  it("with beyondCap 'give-up', or a wait past the deadline, returns the answer marked instead of waiting", async () => {
    const waits: number[] = [];
    const options = {
      maxRetries: 3,
      baseDelayMs: 500,
      maxDelayMs: 5000,
      shouldRetry: (r: HttpResponse) => r.status === 503,
      sleep: async (ms: number) => void waits.push(ms),
      now: () => 1_000_000
    };
    const capped = await retryMiddleware({ ...options, beyondCap: 'give-up' })(request, async () =>
      answer(503, { 'retry-after': '60' })
    );
    expect(capped.notResent).toBe('beyond-cap');
    const late = await retryMiddleware({ ...options, deadline: 1_002_000 })(request, async () =>
      answer(503, { 'retry-after': '3' })
    );
    expect(late.notResent).toBe('beyond-deadline');
    expect(waits).toEqual([]);
  });
});
