import type { Connector } from '../connector/connector';
import type { ParamSpecs, ParamsOf } from '../connector/param-spec';
import { ConnectorError } from '../errors/connector-error';
import { property } from './rest-result';
import { createRuntime } from '../runtime/runtime';
import type { HttpRequest, HttpResponse, Transport } from '../transport/transport';
import { restTransport, type RestConnection } from './rest-connection';
import { restOperationsOf } from './rest-operation';

const params = { base: { type: 'url', required: true, description: 'base' } } as const satisfies ParamSpecs;

const connection: RestConnection<ParamsOf<typeof params>> = {
  baseUrl: 'base',
  auth: {
    kind: 'signed',
    sign: (_, call) => (r, next) =>
      next({ ...r, headers: { ...r.headers, 'x-time': call.now().toISOString(), 'x-nonce': call.nonce() } })
  },
  retry: { refused: r => r.status === 429 },
  serviceError: body => ({ code: 'C', message: body })
};
const define = restOperationsOf(params, connection).define;

const put = (notIdempotent = false) =>
  define({
    description: 'test',
    params: { id: { type: 'string', required: true, description: 'id' } },
    envelope: 'required',
    method: 'PUT',
    path: '/things/{id}',
    fields: {
      type: 'object',
      fields: { password: { type: 'string', secret: true, pattern: /^\S+$/, rule: 'one word' } }
    },
    ...(notIdempotent ? { notIdempotent: { checkWith: 'ListThings (look for the id)' } } : {}),
    request: body => ({ json: body }),
    result: { kind: 'entity', entitySet: 'Thing', keys: (_, p) => [property('id', p.id, 'String', true)] }
  });

const list = define({
  description: 'test',
  params: { offset: { type: 'integer', min: 0, description: 'offset' } },
  envelope: 'none',
  method: 'GET',
  path: '/things',
  query: { offset: 'offset' },
  paging: { offset: 'offset', items: 'things', total: 'count' },
  result: { kind: 'object' }
});

const connector = (operations: Connector['operations']): Connector => ({
  name: 't',
  description: 't',
  params,
  operations,
  prepareTransport: restTransport(connection)
});
const run = async (transport: Transport, operation = put(), input = '<r><password>S3cret-pw</password></r>') =>
  createRuntime([connector({ Put: operation })], { transport, now: () => new Date('2026-01-01T00:00:00Z') }).invoke({
    connector: 't',
    operation: 'Put',
    params: { base: 'https://h.example/', id: '1' },
    input
  });
const runList = async (transport: Transport, offset?: string) =>
  createRuntime([connector({ List: list })], { transport }).invoke({
    connector: 't',
    operation: 'List',
    params: { base: 'https://h.example', ...(offset === undefined ? {} : { offset }) }
  });
const answer = (status: number, body = ''): HttpResponse => ({ status, headers: {}, body });

describe('restOperationsOf', () => {
  it('reads, builds, sends through the connection (with the injected clock), decodes and writes', async () => {
    const sent: HttpRequest[] = [];
    const r = await run({ send: async req => (sent.push(req), answer(200)) });
    expect(r.status).toBe(1);
    expect(r.output).toContain('<OKEntities entitySet="Thing" httpStatus="200">');
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: 'https://h.example/things/1',
      headers: { 'content-type': 'application/json', 'x-time': '2026-01-01T00:00:00.000Z' },
      body: '{"password":"S3cret-pw"}'
    });
    expect(sent[0]?.headers?.['x-nonce']).toMatch(/^[0-9a-f]{32}$/);
  });

  it("hands the connection the runtime's pinned nonces, and whether the operation may be sent again", async () => {
    const seen: Array<{ nonce: string; idempotent: boolean }> = [];
    const probe: RestConnection<ParamsOf<typeof params>> = {
      ...connection,
      auth: {
        kind: 'signed',
        sign: (_, call) => (seen.push({ nonce: call.nonce(), idempotent: call.idempotent }), (r, next) => next(r))
      }
    };
    const transport: Transport = { send: async () => answer(200) };
    for (const flag of [false, true]) {
      let n = 0;
      await createRuntime([{ ...connector({ Put: put(flag) }), prepareTransport: restTransport(probe) }], {
        transport,
        nonce: () => `n-${++n}`
      }).invoke({ connector: 't', operation: 'Put', params: { base: 'https://h.example/', id: '1' }, input: '<r/>' });
    }
    expect(seen).toEqual([
      { nonce: 'n-1', idempotent: true },
      { nonce: 'n-1', idempotent: false }
    ]);
  });

  it('redacts a secret field from a FailEntities error the service echoes', async () => {
    const r = await run({ send: async () => answer(409, 'password S3cret-pw is in use') });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<ServiceError code="C">password *** is in use</ServiceError>');
    expect(r.output).not.toContain('S3cret-pw');
  });

  it('registers a secret field before validating it, so a message quoting it is redacted', async () => {
    const r = await run({ send: async () => answer(200) }, put(), '<r><password>S3cret pw</password></r>');
    expect(r.status).toBe(-1);
    expect(r.output).toContain('r/password must be one word, got "***"');
    expect(r.output).not.toContain('S3cret');
  });

  it('turns a timeout of the transport into status -1 with a redacted message', async () => {
    const r = await run({
      send: async () => {
        throw new ConnectorError(
          'TIMEOUT',
          'PUT https://h.example/things/1 got no answer within 5 ms (body had S3cret-pw)'
        );
      }
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<Error code="TIMEOUT">');
    expect(r.output).not.toContain('S3cret-pw');
  });

  it('reports a timeout of an operation that must not run twice as an unknown outcome, saying what to check', async () => {
    const r = await run(
      {
        send: async () => {
          throw new ConnectorError('TIMEOUT', 'PUT https://h.example/things/1 got no answer within 5 ms');
        }
      },
      put(true)
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      'the outcome is unknown: the request may have reached the server, so it was not sent again; check with ListThings (look for the id) before retrying'
    );
    expect(r.output).toContain('<Detail name="Outcome">unknown</Detail>');
  });

  it('renders an <Object> result, credential-named members masked', async () => {
    const r = await runList({ send: async () => answer(200, '{"a":[1],"apiKey":"K-123"}') });
    expect(r.output).toContain('<Array name="a">');
    expect(r.output).toContain('<Value type="String" name="apiKey">***</Value>');
  });

  it('follows the pages a list declares until every item is read, and answers them as one', async () => {
    const sent: string[] = [];
    const pages: Record<string, string> = {
      'https://h.example/things': '{"count":5,"things":[1,2]}',
      'https://h.example/things?offset=2': '{"count":5,"things":[3,4]}',
      'https://h.example/things?offset=4': '{"count":5,"things":[5]}'
    };
    const transport: Transport = { send: async req => (sent.push(req.url), answer(200, pages[req.url] ?? '{}')) };
    const r = await runList(transport);
    expect(sent).toEqual(Object.keys(pages));
    expect(r.output.match(/<Value type="Number">/g)).toHaveLength(5);
    expect(r.output).toContain('<Value type="Number" name="count">5</Value>');
  });

  it('reads one page when the caller names the offset, and reports a failing page as it came', async () => {
    const sent: string[] = [];
    const one = await runList(
      { send: async req => (sent.push(req.url), answer(200, '{"count":5,"things":[3,4]}')) },
      '2'
    );
    expect([one.status, sent]).toEqual([1, ['https://h.example/things?offset=2']]);
    const failing = await runList({
      send: async req => (req.url.includes('offset') ? answer(500, 'down') : answer(200, '{"count":5,"things":[1]}'))
    });
    expect(failing.status).toBe(-1);
    expect(failing.output).toContain('GET https://h.example/things?offset=1 answered 500 [C]: down');
  });
});

describe('restOperationsOf on hostile answers', () => {
  it('refuses JSON nested thousands deep as RESPONSE_INVALID instead of overflowing the stack while masking', async () => {
    const deep = `{"things":${'['.repeat(5000)}${']'.repeat(5000)},"count":1}`;
    const r = await runList({ send: async () => answer(200, deep) });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('code="RESPONSE_INVALID"');
    expect(r.output).toContain('JSON nested deeper than 1000 levels');
  });

  it('keeps members named __proto__ or toString, and masks credentials under them', async () => {
    const body = '{"things":[{"__proto__":{"password":"pw-1"},"toString":"t"}],"count":1}';
    const r = await runList({ send: async () => answer(200, body) });
    expect(r.status).toBe(1);
    expect(r.output).toContain('__proto__');
    expect(r.output).toContain('toString');
    expect(r.output).not.toContain('pw-1');
  });
});
