import { createMemoryCache } from '../runtime/memory-cache';
import { composeTransport } from '../transport/middleware';
import type { HttpRequest, HttpResponse, Transport } from '../transport/transport';
import { csrfMiddleware } from './odata-transport';

const ROOT = 'http://svc.test/odata/';

/** A Gateway-like service: HEAD with Fetch answers a token and a session cookie; writes need both. */
function gateway(options: { headFails?: boolean; rotateAfter?: number } = {}) {
  const seen: HttpRequest[] = [];
  let token = 'T1';
  let writes = 0;
  const transport: Transport = {
    async send(request): Promise<HttpResponse> {
      seen.push(request);
      if (request.headers?.['x-csrf-token'] === 'Fetch') {
        if (request.method === 'HEAD' && options.headFails === true) return { status: 405, headers: {}, body: '' };
        return {
          status: 200,
          headers: {
            'x-csrf-token': token,
            'set-cookie': 'SAP_SESSIONID=abc; path=/\nsap-usercontext=sap-client=100; path=/'
          },
          body: ''
        };
      }
      if (request.method === 'GET') return { status: 200, headers: {}, body: '{}' };
      writes += 1;
      if (options.rotateAfter !== undefined && writes === options.rotateAfter) token = 'T2';
      const ok =
        request.headers?.['x-csrf-token'] === token &&
        request.headers['cookie'] === 'SAP_SESSIONID=abc; sap-usercontext=sap-client=100';
      return ok
        ? { status: 201, headers: {}, body: '' }
        : { status: 403, headers: { 'x-csrf-token': 'Required' }, body: 'CSRF token validation failed' };
    }
  };
  return { transport, seen };
}

// One cache per (fake) runtime, as the runtime gives each its own.
const caches = new WeakMap<Transport, ReturnType<typeof createMemoryCache>>();
function cacheFor(t: Transport): ReturnType<typeof createMemoryCache> {
  const cache = caches.get(t) ?? createMemoryCache();
  caches.set(t, cache);
  return cache;
}

const post: HttpRequest = { method: 'POST', url: `${ROOT}Products`, body: '{}' };

describe('csrfMiddleware', () => {
  it('fetches with HEAD before the first write, sends token and all cookies, and reuses them', async () => {
    const { transport, seen } = gateway();
    const send = composeTransport(transport, csrfMiddleware({ cache: cacheFor(transport), identity: 'u' }, ROOT));
    expect((await send.send(post)).status).toBe(201);
    expect((await send.send(post)).status).toBe(201);
    expect(seen.map(r => r.method)).toEqual(['HEAD', 'POST', 'POST']);
  });

  it('leaves reads alone', async () => {
    const { transport, seen } = gateway();
    await composeTransport(transport, csrfMiddleware({ cache: cacheFor(transport), identity: 'u' }, ROOT)).send({
      method: 'GET',
      url: `${ROOT}Products`
    });
    expect(seen.map(r => r.method)).toEqual(['GET']);
  });

  it('falls back to GET when the service refuses HEAD', async () => {
    const { transport, seen } = gateway({ headFails: true });
    expect(
      (
        await composeTransport(transport, csrfMiddleware({ cache: cacheFor(transport), identity: 'u' }, ROOT)).send(
          post
        )
      ).status
    ).toBe(201);
    expect(seen.map(r => r.method)).toEqual(['HEAD', 'GET', 'POST']);
  });

  it('re-fetches once on 403 x-csrf-token: Required and retries', async () => {
    const { transport, seen } = gateway({ rotateAfter: 2 });
    const send = composeTransport(transport, csrfMiddleware({ cache: cacheFor(transport), identity: 'u' }, ROOT));
    await send.send(post);
    expect((await send.send(post)).status).toBe(201);
    expect(seen.map(r => `${r.method}:${r.headers?.['x-csrf-token'] ?? ''}`)).toEqual([
      'HEAD:Fetch',
      'POST:T1',
      'POST:T1',
      'HEAD:Fetch',
      'POST:T2'
    ]);
  });

  it('does not retry twice: a second Required is the answer', async () => {
    const always: Transport = {
      send: async r =>
        r.headers?.['x-csrf-token'] === 'Fetch'
          ? { status: 200, headers: { 'x-csrf-token': 'X' }, body: '' }
          : { status: 403, headers: { 'x-csrf-token': 'Required' }, body: '' }
    };
    const response = await composeTransport(
      always,
      csrfMiddleware({ cache: cacheFor(always), identity: 'u' }, ROOT)
    ).send(post);
    expect(response.status).toBe(403);
  });

  it('keeps tokens per runtime cache: another runtime fetches its own', async () => {
    const a = gateway();
    const b = gateway();
    await composeTransport(a.transport, csrfMiddleware({ cache: cacheFor(a.transport), identity: 'u' }, ROOT)).send(
      post
    );
    await composeTransport(b.transport, csrfMiddleware({ cache: cacheFor(b.transport), identity: 'u' }, ROOT)).send(
      post
    );
    expect(b.seen.map(r => r.method)).toEqual(['HEAD', 'POST']);
  });

  it('keeps a session per credential: another identity in the same cache fetches its own token and cookies', async () => {
    const { transport, seen } = gateway();
    const cache = cacheFor(transport);
    await composeTransport(transport, csrfMiddleware({ cache, identity: 'right' }, ROOT)).send(post);
    seen.length = 0;
    await composeTransport(transport, csrfMiddleware({ cache, identity: 'wrong' }, ROOT)).send(post);
    expect(seen.map(r => r.method)).toEqual(['HEAD', 'POST']);
    expect(seen[0]?.headers?.['cookie']).toBeUndefined();
  });
});
