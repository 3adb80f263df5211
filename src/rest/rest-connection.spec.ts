import type { InvocationConnection, RuntimeCache } from '../connector/connector';
import type { HttpRequest, HttpResponse, Transport } from '../transport/transport';
import { restTransport, type RestConnection } from './rest-connection';

const connection: RestConnection<{ readonly base: string }> = {
  baseUrl: 'base',
  auth: { kind: 'http' },
  retry: { refused: r => r.status === 429, transient: r => r.status === 503, sleep: async () => undefined },
  serviceError: () => ({})
};
const cache: RuntimeCache = { memo: async (_, compute) => compute(), has: () => false, delete: () => undefined };
const call = (idempotent: boolean): InvocationConnection => ({
  cache,
  identity: 'i',
  now: () => new Date(0),
  nonce: () => 'n',
  idempotent
});
const params = {
  base: 'https://h.example',
  user: 'u',
  password: 'p',
  timeoutMs: 5,
  maxRetries: 2,
  retryBaseDelayMs: 0
};

function answering(...statuses: number[]): { transport: Transport; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  const send = async (r: HttpRequest): Promise<HttpResponse> => {
    sent.push(r);
    return { status: statuses[Math.min(sent.length - 1, statuses.length - 1)] ?? 200, headers: {}, body: '' };
  };
  return { transport: { send }, sent };
}

describe('restTransport', () => {
  it('sends with the timeout and Basic auth the parameters give', async () => {
    const { transport, sent } = answering(200);
    await restTransport(connection)(transport, params, call(true)).send({ method: 'GET', url: 'https://h.example/x' });
    expect(sent[0]).toMatchObject({ timeoutMs: 5, headers: { authorization: `Basic ${btoa('u:p')}` } });
  });

  it('retries a refused answer for every operation, a transient one only for an idempotent operation', async () => {
    const request: HttpRequest = { method: 'POST', url: 'https://h.example/x' };
    for (const [idempotent, statuses, sends] of [
      [true, [503, 200], 2],
      [false, [503, 200], 1],
      [false, [429, 200], 2]
    ] as const) {
      const { transport, sent } = answering(...statuses);
      const response = await restTransport(connection)(transport, params, call(idempotent)).send(request);
      expect([sent.length, response.attempts]).toEqual([sends, sends === 1 ? undefined : sends]);
    }
  });
});
