import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAxiosTransport } from './axios-transport';

describe('createAxiosTransport (against a local server)', () => {
  let server: http.Server;
  let base: string;
  const received: Array<{
    method?: string;
    url?: string;
    headers: http.IncomingHttpHeaders;
    body: string;
    raw: Buffer;
    port?: number;
  }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c as Buffer));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          raw: Buffer.concat(chunks),
          port: req.socket.remotePort
        });
        if (req.url === '/slow') return; // never answers
        if (req.url === '/bytes') {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          return res.end(Buffer.from([0, 1, 2, 255]));
        }
        res.writeHead(req.url === '/missing' ? 404 : 200, {
          'content-type': 'application/json',
          'set-cookie': ['a=1', 'b=2']
        });
        res.end('{"big":9007199254740993}');
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  const transport = createAxiosTransport();

  it('returns the body text untouched (no JSON parse that would round big numbers)', async () => {
    const response = await transport.send({ method: 'GET', url: `${base}/ok` });
    expect(response.body).toBe('{"big":9007199254740993}');
    expect(response.headers['set-cookie']).toBe('a=1\nb=2');
  });

  it('keeps connections alive between requests (paging and CSRF round trips reuse the socket)', async () => {
    await transport.send({ method: 'GET', url: `${base}/ok` });
    await transport.send({ method: 'GET', url: `${base}/ok` });
    const [a, b] = received.slice(-2);
    expect(a?.port).toBe(b?.port);
  });

  it('returns error statuses instead of throwing', async () => {
    expect((await transport.send({ method: 'GET', url: `${base}/missing` })).status).toBe(404);
  });

  it('sends MERGE, headers and a UTF-8 body as given', async () => {
    await transport.send({
      method: 'MERGE',
      url: `${base}/m`,
      headers: { 'content-type': 'application/json', 'x-a': '1' },
      body: '{"n":"€"}'
    });
    const last = received[received.length - 1]!;
    expect(last).toMatchObject({ method: 'MERGE', body: '{"n":"€"}' });
    expect(last.headers['x-a']).toBe('1');
  });

  it('keeps binary bodies byte-exact', async () => {
    const response = await transport.send({ method: 'GET', url: `${base}/bytes`, responseType: 'binary' });
    expect([...(response.bytes ?? [])]).toEqual([0, 1, 2, 255]);
    await transport.send({
      method: 'PUT',
      url: `${base}/up`,
      body: new Uint8Array([0xff, 0x00]),
      headers: { 'content-type': 'application/octet-stream' }
    });
    expect([...received[received.length - 1]!.raw]).toEqual([0xff, 0x00]);
  });

  it('turns no answer within the timeout into TIMEOUT', async () => {
    await expect(transport.send({ method: 'GET', url: `${base}/slow`, timeoutMs: 150 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('within 150 ms')
    });
  });

  it('turns a refused connection into TRANSPORT, without credentials in the message', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    await expect(
      transport.send({ method: 'GET', url: `http://user:secret@127.0.0.1:${port}/x` })
    ).rejects.toMatchObject({
      code: 'TRANSPORT',
      message: expect.not.stringContaining('secret')
    });
  });

  it('says what a refused connection means and what to check', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    await expect(transport.send({ method: 'GET', url: `http://127.0.0.1:${port}/x` })).rejects.toMatchObject({
      message: `GET http://127.0.0.1:${port}/x failed: ECONNREFUSED (nothing accepts connections at 127.0.0.1:${port}: check the URL and that the service is running)`
    });
  });
});

describe('a kept-alive socket the server dropped', () => {
  // The server answers the first request on a socket and drops the socket at the second, as a server does that
  // closed an idle connection just as the client reused it.
  let server: http.Server;
  let base: string;
  const served = new WeakMap<object, number>();
  const methods: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      methods.push(req.method ?? '');
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      req.resume();
      req.on('end', () => (count > 1 ? req.socket.destroy() : res.end('ok')));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>(resolve => server.close(() => resolve()));
  });
  beforeEach(() => (methods.length = 0));

  it('costs a read nothing: it is sent once more on a fresh socket', async () => {
    const transport = createAxiosTransport();
    expect((await transport.send({ method: 'GET', url: `${base}/a` })).body).toBe('ok');
    expect((await transport.send({ method: 'GET', url: `${base}/b` })).body).toBe('ok');
    expect(methods).toEqual(['GET', 'GET', 'GET']);
  });

  it('fails a write rather than send it twice (it may have reached the service)', async () => {
    const transport = createAxiosTransport();
    await transport.send({ method: 'GET', url: `${base}/a` });
    await expect(transport.send({ method: 'POST', url: `${base}/b`, body: 'x' })).rejects.toMatchObject({
      code: 'TRANSPORT'
    });
    expect(methods).toEqual(['GET', 'POST']);
  });
});
