import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { operationsOf, type Connector } from '../connector/connector';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import type { ParamSpecs } from '../connector/param-spec';
import { send } from '../connector/plan';
import { childrenOf } from '../envelope/xml-element';
import { ConnectorError } from '../errors/connector-error';
import { createAxiosTransport } from '../transport/axios-transport';
import type { HttpRequest } from '../transport/transport';
import { createMemoryCache } from './memory-cache';
import { createRuntime } from './runtime';

// A small service on loopback: GET /model lists the field names it accepts (it can change them while running),
// POST /items stores an item. A connector in the plan form reads the model, checks the envelope against it, writes.
interface Service {
  url: string;
  fields: string[];
  requests: string[];
  close(): Promise<void>;
}

async function startService(): Promise<Service> {
  const service = { fields: ['Name'], requests: [] as string[] };
  const server = http.createServer((req, res) => {
    service.requests.push(`${req.method} ${req.url}`);
    if (req.url === '/model') return void res.end(service.fields.join(','));
    req.resume();
    req.on('end', () => res.writeHead(201).end('created'));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(service, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  });
}

const params = {
  serviceUrl: { type: 'url', required: true, description: 'The service' },
  ...httpAuthParams
} as const satisfies ParamSpecs;
const operations = operationsOf(params);

const fieldsModel = {
  key: (p: { serviceUrl: string }) => p.serviceUrl,
  *load(p: { serviceUrl: string }) {
    const response = yield* send({ method: 'GET', url: `${p.serviceUrl}/model` });
    return new Set(response.body.split(','));
  }
};

const store: Connector = {
  name: 'store',
  description: 'test connector in the plan form',
  params,
  prepareTransport: (transport, p) => prepareHttpTransport(transport, p),
  operations: {
    Create: operations.define({
      description: 'POSTs each <Field>, checked against the model first',
      envelope: 'required',
      roots: ['Item'],
      model: fieldsModel,
      read: envelope => childrenOf(envelope!, 'Field').map(f => f.text ?? ''),
      *plan(fields, { params: p, model }) {
        const unknown = fields.find(f => !model.has(f));
        if (unknown !== undefined) throw new ConnectorError('MODEL_MISMATCH', `The service has no field "${unknown}"`);
        const response = yield* send({ method: 'POST', url: `${p.serviceUrl}/items`, body: fields.join(',') });
        return { status: 1, output: response.body };
      },
      write: (body, w) => w.leaf('Created', [], body)
    }),
    WriteThenCheck: operations.define({
      description: 'POSTs first, then checks: a mismatch after a write must not re-run it',
      envelope: 'required',
      roots: ['Item'],
      model: fieldsModel,
      read: envelope => childrenOf(envelope!, 'Field').map(f => f.text ?? ''),
      *plan(fields, { params: p, model }) {
        yield* send({ method: 'POST', url: `${p.serviceUrl}/items`, body: '' });
        const unknown = fields.find(f => !model.has(f));
        if (unknown !== undefined) throw new ConnectorError('MODEL_MISMATCH', `The service has no field "${unknown}"`);
        return { status: 1, output: 'ok' };
      },
      write: (body, w) => w.leaf('Done', [], body)
    })
  }
};

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

const create = (runtime: ReturnType<typeof createRuntime>, ...fields: string[]) =>
  runtime.invoke({
    connector: 'store',
    operation: 'Create',
    params: { serviceUrl: service.url },
    input: `<Item>${fields.map(f => `<Field>${f}</Field>`).join('')}</Item>`
  });

describe('the runtime drives planned operations', () => {
  it('loads the model once, then runs the plan step by step', async () => {
    const runtime = createRuntime([store]);
    expect((await create(runtime, 'Name')).output).toContain('<Created>created</Created>');
    expect((await create(runtime, 'Name')).status).toBe(1);
    expect(service.requests).toEqual(['GET /model', 'POST /items', 'POST /items']);
  });

  it('a field the service added is accepted after one re-read of the cached model', async () => {
    const runtime = createRuntime([store]);
    expect((await create(runtime, 'Name')).status).toBe(1);
    service.fields.push('Colour');
    const r = await create(runtime, 'Name', 'Colour');
    expect(r.status).toBe(1);
    expect(service.requests).toEqual(['GET /model', 'POST /items', 'GET /model', 'POST /items']);
  });

  it('a field the service does not have is refused after that one re-read, nothing written', async () => {
    const runtime = createRuntime([store]);
    await create(runtime, 'Name');
    service.requests.length = 0;
    const r = await create(runtime, 'Name', 'Colour');
    expect(r.status).toBe(-1);
    expect(r.output).toContain('The service has no field "Colour"');
    expect(service.requests).toEqual(['GET /model']);
  });

  it('a freshly read model is not read again on a mismatch', async () => {
    const r = await create(createRuntime([store]), 'Colour');
    expect(r.status).toBe(-1);
    expect(service.requests).toEqual(['GET /model']);
  });

  it('a mismatch after a write was sent is the answer: the plan is not run again', async () => {
    const runtime = createRuntime([store]);
    await create(runtime, 'Name');
    service.requests.length = 0;
    const r = await runtime.invoke({
      connector: 'store',
      operation: 'WriteThenCheck',
      params: { serviceUrl: service.url },
      input: '<Item><Field>Colour</Field></Item>'
    });
    expect(r.status).toBe(-1);
    expect(service.requests).toEqual(['POST /items']);
  });

  it('a dry run sends the model read and prints the plan step without sending it', async () => {
    const r = await createRuntime([store], { dryRun: true }).invoke({
      connector: 'store',
      operation: 'Create',
      params: { serviceUrl: service.url, user: 'u', password: 'p4ss' },
      input: '<Item><Field>Name</Field></Item>'
    });
    expect(service.requests).toEqual(['GET /model']);
    expect(r.requests?.map(q => [q.sent, q.text.replace(/^# .*\n/, '').split('\n')[0]])).toEqual([
      [true, `GET ${service.url}/model`],
      [false, `POST ${service.url}/items`]
    ]);
    expect(JSON.stringify(r)).not.toContain('p4ss');
  });

  it('a host transport that names no identity shares one model per credential parameters', async () => {
    const network = createAxiosTransport();
    const seen: HttpRequest[] = [];
    const runtime = createRuntime([store], { transport: { send: q => (seen.push(q), network.send(q)) } });
    const as = (user: string) =>
      runtime.invoke({
        connector: 'store',
        operation: 'Create',
        params: { serviceUrl: service.url, user, password: 'x' },
        input: '<Item><Field>Name</Field></Item>'
      });
    await as('a');
    await as('b');
    await as('a');
    expect(service.requests.filter(q => q === 'GET /model')).toHaveLength(2);
  });
});

describe('the memory cache', () => {
  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.memo('a', async () => 1);
    await cache.memo('b', async () => 2);
    await cache.memo('a', async () => 0); // a is now the most recently used
    await cache.memo('c', async () => 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });

  it('forgets an entry when it expires, and a failed computation at once', async () => {
    let clock = 0;
    const cache = createMemoryCache({ ttlMs: 1000, now: () => new Date(clock) });
    await cache.memo('a', async () => 1);
    clock = 999;
    expect(cache.has('a')).toBe(true);
    clock = 1000;
    expect(cache.has('a')).toBe(false);
    await expect(cache.memo('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.has('b')).toBe(false);
  });
});
