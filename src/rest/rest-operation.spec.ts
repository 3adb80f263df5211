import { ConnectorError } from '../errors/connector-error';
import { createRuntime } from '../runtime/runtime';
import type { Connector } from '../connector/connector';
import type { HttpRequest, HttpResponse, Transport } from '../transport/transport';
import { defineRestOperation, type RestOperationSpec } from './rest-operation';
import { entityFailed, entityOk, objectResult, property } from './rest-result';
import { serviceFailure } from './service-failure';

interface Input {
  readonly id: string;
  readonly password: string;
}

const spec: RestOperationSpec<Input> = {
  description: 'test',
  params: { id: { type: 'string', required: true, description: 'id' } },
  envelope: 'required',
  connection: {
    baseUrl: params => String(params['base']),
    middlewares: (_, call) => [
      (r, next) =>
        next({ ...r, headers: { ...r.headers, 'x-time': call.now().toISOString(), 'x-nonce': call.nonce() } })
    ]
  },
  method: 'PUT',
  path: '/things/{id}',
  read: (envelope, params) => ({ id: String(params['id']), password: envelope?.children[0]?.text ?? '' }),
  request: input => ({
    pathParams: { id: input.id },
    body: { contentType: 'application/json', text: JSON.stringify({ password: input.password }) }
  }),
  secrets: input => [input.password],
  decode: (response, call) =>
    response.status === 200
      ? { status: 1, output: entityOk('Thing', [property('id', call.input.id, 'String', true)]) }
      : response.status === 409
        ? {
            status: -1,
            output: entityFailed(
              'Thing',
              [property('id', call.input.id, 'String', true)],
              serviceFailure(call.request, response, { code: 'C', message: response.body })
            )
          }
        : { status: 1, output: objectResult(JSON.parse(response.body)) }
};

const connector: Connector = {
  name: 't',
  description: 't',
  params: { base: { type: 'url', required: true, description: 'base' } },
  operations: { Put: defineRestOperation(spec) }
};
const run = async (transport: Transport) =>
  createRuntime([connector], { transport, now: () => new Date('2026-01-01T00:00:00Z') }).invoke({
    connector: 't',
    operation: 'Put',
    params: { base: 'https://h.example/', id: '1' },
    input: '<r><password>S3cret-pw</password></r>'
  });

describe('defineRestOperation', () => {
  it('reads, builds, sends through the connection middlewares (with the injected clock), decodes and writes', async () => {
    const sent: HttpRequest[] = [];
    const r = await run({ send: async req => (sent.push(req), { status: 200, headers: {}, body: '' }) });
    expect(r.status).toBe(1);
    expect(r.output).toContain('<OKEntities entitySet="Thing">');
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: 'https://h.example/things/1',
      headers: { 'content-type': 'application/json', 'x-time': '2026-01-01T00:00:00.000Z' }
    });
    expect(sent[0]?.headers?.['x-nonce']).toMatch(/^[0-9a-f]{32}$/);
  });

  it("hands the connection the runtime's pinned nonces, and whether the operation may be sent again", async () => {
    const seen: Array<{ nonce: string; idempotent: boolean }> = [];
    const probe = (notIdempotent: boolean): Connector => ({
      ...connector,
      operations: {
        Put: defineRestOperation({
          ...spec,
          ...(notIdempotent ? { notIdempotent: { checkWith: 'Get' } } : {}),
          connection: {
            baseUrl: () => 'https://h.example',
            middlewares: (_, call) => (seen.push({ nonce: call.nonce(), idempotent: call.idempotent }), [])
          }
        })
      }
    });
    const transport: Transport = { send: async () => ({ status: 200, headers: {}, body: '' }) };
    for (const flag of [false, true]) {
      let n = 0;
      await createRuntime([probe(flag)], { transport, nonce: () => `n-${++n}` }).invoke({
        connector: 't',
        operation: 'Put',
        params: { base: 'https://h.example/', id: '1' },
        input: '<r><p>x</p></r>'
      });
    }
    expect(seen).toEqual([
      { nonce: 'n-1', idempotent: true },
      { nonce: 'n-1', idempotent: false }
    ]);
  });

  it('redacts input secrets from a FailEntities error the service echoes', async () => {
    const r = await run({
      send: async (): Promise<HttpResponse> => ({ status: 409, headers: {}, body: 'password S3cret-pw is in use' })
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('<ServiceError code="C">password *** is in use</ServiceError>');
    expect(r.output).not.toContain('S3cret-pw');
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
    const create: Connector = {
      ...connector,
      operations: {
        Put: defineRestOperation({ ...spec, notIdempotent: { checkWith: 'ListThings (look for the id)' } })
      }
    };
    const r = await createRuntime([create], {
      transport: {
        send: async () => {
          throw new ConnectorError('TIMEOUT', 'PUT https://h.example/things/1 got no answer within 5 ms');
        }
      }
    }).invoke({
      connector: 't',
      operation: 'Put',
      params: { base: 'https://h.example/', id: '1' },
      input: '<r><password>S3cret-pw</password></r>'
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      'the outcome is unknown: the request may have reached the server, so it was not sent again; check with ListThings (look for the id) before retrying'
    );
    expect(r.output).toContain('<Detail name="Outcome">unknown</Detail>');
  });

  it('renders an <Object> result', async () => {
    const r = await run({ send: async () => ({ status: 201, headers: {}, body: '{"a":[1]}' }) });
    expect(r.output).toContain('<Array name="a">');
  });
});
