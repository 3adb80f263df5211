import type { HttpRequest } from '../transport/transport';
import { createRedactingTransport } from './redacting-transport';

describe('createRedactingTransport', () => {
  it('replaces secrets in URL, headers and body, but not signatures or nonces, before the inner transport', async () => {
    const seen: HttpRequest[] = [];
    const t = createRedactingTransport({ send: async r => (seen.push(r), { status: 200, headers: {}, body: '' }) }, [
      'pa55word'
    ]);
    await t.send({
      method: 'POST',
      url: 'https://h/?a=pa55word&SignatureNonce=abc&Signature=x%2By&b=1',
      headers: { 'x-k': 'pa55word' },
      body: '{"p":"pa55word"}'
    });
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://h/?a=***&SignatureNonce=abc&Signature=x%2By&b=1',
      headers: { 'x-k': '***' },
      body: '{"p":"***"}'
    });
  });
});
