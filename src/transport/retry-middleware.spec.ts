import type { HttpRequest, HttpResponse } from './transport';
import { retryDelayMs, retryMiddleware } from './retry-middleware';

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
});
