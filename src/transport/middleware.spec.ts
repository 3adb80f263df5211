import { httpAuthOf, httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import { resolveParams } from '../connector/param-spec';
import { authMiddleware, authSecrets, composeTransport, type TransportMiddleware } from './middleware';
import type { HttpRequest, Transport } from './transport';

function capture(): { transport: Transport; seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return { seen, transport: { send: async r => (seen.push(r), { status: 200, headers: {}, body: '' }) } };
}

describe('auth and timeout middlewares', () => {
  it.each([
    [{ user: 'alice', password: 'pä55:word' }, `Basic ${Buffer.from('alice:pä55:word', 'utf8').toString('base64')}`],
    [{ token: 'eyJ.tok.en' }, 'Bearer eyJ.tok.en'],
    [{ user: 'alice', password: 'x', token: 'eyJ.tok.en' }, 'Bearer eyJ.tok.en'],
    [{}, undefined]
  ])('sends the right Authorization for %j', async (given, header) => {
    const { transport, seen } = capture();
    await prepareHttpTransport(transport, resolveParams(httpAuthParams, given)).send({
      method: 'GET',
      url: 'http://h/'
    });
    expect(seen[0]?.headers?.['authorization']).toBe(header);
  });

  it('leaves a request that already carries Authorization alone (e.g. a signed one)', async () => {
    const { transport, seen } = capture();
    await composeTransport(transport, authMiddleware({ kind: 'bearer', token: 't' })).send({
      method: 'GET',
      url: 'http://h/',
      headers: { authorization: 'SDK-HMAC-SHA256 …' }
    });
    expect(seen[0]?.headers?.['authorization']).toBe('SDK-HMAC-SHA256 …');
  });

  it('applies the timeoutMs parameter unless a request sets its own', async () => {
    const { transport, seen } = capture();
    const t = prepareHttpTransport(transport, resolveParams(httpAuthParams, { timeoutMs: '1500' }));
    await t.send({ method: 'GET', url: 'http://h/a' });
    await t.send({ method: 'GET', url: 'http://h/b', timeoutMs: 10 });
    expect(seen.map(r => r.timeoutMs)).toEqual([1500, 10]);
  });

  it('gives every request the connection, one a middleware makes itself (a token fetch) included', async () => {
    const { transport, seen } = capture();
    const params = resolveParams(httpAuthParams, { proxy: 'http://p:3128', maxSockets: '4', trustAll: 'true' });
    const fetchFirst = (): TransportMiddleware => async (request, next) => {
      await next({ method: 'HEAD', url: 'http://h/token' });
      return next(request);
    };
    await prepareHttpTransport(transport, params, fetchFirst()).send({ method: 'GET', url: 'http://h/a' });
    const connection = { proxy: 'http://p:3128', trustAll: true, maxSockets: 4 };
    expect(seen.map(r => r.connection)).toEqual([connection, connection]);
  });

  it('lists the password and the encoded Basic credential as secrets to redact', () => {
    const auth = httpAuthOf(resolveParams(httpAuthParams, { user: 'u', password: 'pw1' }));
    expect(authSecrets(auth)).toEqual(['pw1', Buffer.from('u:pw1').toString('base64')]);
  });
});
