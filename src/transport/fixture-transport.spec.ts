import { createFixtureTransport } from './fixture-transport';
import { createRecordingTransport } from './recording-transport';
import type { Transport } from './transport';

describe('createFixtureTransport', () => {
  it('answers a matching request and tracks what was used', async () => {
    const t = createFixtureTransport([
      { request: { method: 'GET', url: 'http://h/a' }, response: { status: 200, body: { value: [] } } },
      { request: { method: 'GET', url: 'http://h/b' }, response: { status: 204 } }
    ]);
    expect((await t.send({ method: 'GET', url: 'http://h/a' })).body).toBe('{"value":[]}');
    expect(t.unused()).toEqual(['GET http://h/b']);
  });

  it('fails an unmatched request and remembers it (the network is locked)', async () => {
    const t = createFixtureTransport([{ request: { method: 'GET', url: 'http://h/a' }, response: { status: 200 } }]);
    await expect(t.send({ method: 'POST', url: 'http://h/a' })).rejects.toMatchObject({ code: 'TRANSPORT' });
    expect(t.unmatched).toEqual(['POST http://h/a']);
  });

  it('compares JSON bodies structurally and recorded headers by value', async () => {
    const t = createFixtureTransport([
      {
        request: {
          method: 'POST',
          url: 'http://h/P',
          headers: { 'if-match': 'W/"1"', authorization: '***' },
          body: { a: 1, b: [2] }
        },
        response: { status: 201 }
      }
    ]);
    const send = (headers: Record<string, string>, body: string) =>
      t.send({ method: 'POST', url: 'http://h/P', headers: { 'content-type': 'application/json', ...headers }, body });
    await expect(send({ 'if-match': 'W/"2"', authorization: 'Basic x' }, '{"b":[2],"a":1}')).rejects.toThrow();
    await expect(send({ 'if-match': 'W/"1"' }, '{"b":[2],"a":1}')).rejects.toThrow();
    expect((await send({ 'if-match': 'W/"1"', authorization: 'Basic x' }, '{"b":[2],"a":1}')).status).toBe(201);
  });

  it('ignores random multipart boundaries when comparing text bodies', async () => {
    const t = createFixtureTransport([
      {
        request: { method: 'POST', url: 'http://h/$batch', body: '--batch_abc\r\nGET x\r\n--batch_abc--' },
        response: { status: 202 }
      }
    ]);
    expect(
      (await t.send({ method: 'POST', url: 'http://h/$batch', body: '--batch_123-9\nGET x\n--batch_123-9--' })).status
    ).toBe(202);
  });
});

describe('createRecordingTransport', () => {
  it('keeps meaningful headers, redacts credentials and secrets, and rewrites the live host', async () => {
    const live: Transport = {
      send: async () => ({
        status: 200,
        headers: { 'content-type': 'application/json', 'set-cookie': 'sid=1', etag: 'W/"1"', date: 'x' },
        body: '{"u":"http://127.0.0.1:4004/s/P(1)","p":"hunter22"}'
      })
    };
    const t = createRecordingTransport(live, {
      rewrite: [['http://127.0.0.1:4004', 'http://demo.test']],
      secrets: ['hunter22']
    });
    await t.send({
      method: 'GET',
      url: 'http://127.0.0.1:4004/s/P',
      headers: { authorization: 'Basic dTpodW50ZXIyMg==', accept: 'application/json' }
    });
    expect(t.exchanges()).toEqual([
      {
        request: {
          method: 'GET',
          url: 'http://demo.test/s/P',
          headers: { accept: 'application/json', authorization: '***' }
        },
        response: {
          status: 200,
          headers: { 'content-type': 'application/json', etag: 'W/"1"' },
          body: { u: 'http://demo.test/s/P(1)', p: '***' }
        }
      }
    ]);
  });

  it('keeps JSON bodies with numbers beyond 2^53 as text, so replay does not round them', async () => {
    const live: Transport = {
      send: async () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"I64":9223372036854775807,"a":[1]}'
      })
    };
    const t = createRecordingTransport(live);
    await t.send({ method: 'GET', url: 'http://h/x' });
    const [exchange] = t.exchanges();
    expect(exchange?.response.body).toBe('{"I64":9223372036854775807,"a":[1]}');
    expect((await createFixtureTransport(t.exchanges()).send({ method: 'GET', url: 'http://h/x' })).body).toBe(
      '{"I64":9223372036854775807,"a":[1]}'
    );
  });
});
