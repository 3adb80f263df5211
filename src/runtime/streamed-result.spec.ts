import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { operationsOf, type Connector } from '../connector/connector';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import type { ParamSpecs } from '../connector/param-spec';
import { emit, send } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import { createRuntime, type InvokeRequest, type RuntimeOptions } from './runtime';

// A paged service on loopback: /items?page=N answers 1,000 items and the next page, until `pages`; page
// `failAt` answers 500. A planned read writes each page as it comes (emit), then closes the document.
const PAGE = 1000;
let pages = 50;
let failAt: number | undefined;
let hangAt: number | undefined;
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
    if (page === failAt) return void res.writeHead(500).end('down');
    if (page === hangAt) return; // never answers: only an abort or a deadline ends the wait
    const items = Array.from({ length: PAGE }, (_, i) => `item ${page * PAGE + i} & <${'x'.repeat(40)}>`);
    res.end(JSON.stringify({ items, next: page + 1 < pages ? page + 1 : null }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>(resolve => server.close(() => resolve()));
});
beforeEach(() => {
  pages = 50;
  failAt = undefined;
  hangAt = undefined;
});

const params = {
  serviceUrl: { type: 'url', required: true, description: 'x' },
  ...httpAuthParams
} as const satisfies ParamSpecs;
const paged: Connector = {
  name: 'paged',
  description: 'test connector writing page by page',
  params,
  prepareTransport: (transport, p) => prepareHttpTransport(transport, p),
  operations: {
    Read: operationsOf(params).define({
      description: 'reads every page',
      envelope: 'none',
      read: () => undefined,
      *plan(_input, { params: p }) {
        yield* emit(w => w.open('Items'));
        for (let page: number | null = 0; page !== null;) {
          const response = yield* send({ method: 'GET', url: `${p.serviceUrl}/items?page=${page}` });
          if (response.status !== 200)
            throw new ConnectorError('HTTP_STATUS', `page ${page} answered ${response.status}`);
          const body = JSON.parse(response.body) as { items: string[]; next: number | null };
          yield* emit(w => body.items.forEach(item => w.leaf('Item', [], item)), body.items.length);
          page = body.next;
        }
        return { status: 1, output: undefined };
      },
      write: (_output, w) => void w.close()
    })
  }
};

/** A Writable that takes its time, so the runtime must wait for 'drain'. */
function slowSink(): { sink: Writable; text: () => string; waits: () => number } {
  const chunks: string[] = [];
  let waits = 0;
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    }
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string) => {
    const ok = write(chunk);
    if (!ok) waits++;
    return ok;
  }) as typeof sink.write;
  return { sink, text: () => chunks.join(''), waits: () => waits };
}

const request = () => ({ connector: 'paged', operation: 'Read', params: { serviceUrl: url } });
const read = (extra: Partial<InvokeRequest> = {}, options: RuntimeOptions = {}) =>
  createRuntime([paged], options).invoke({ ...request(), ...extra });

describe('a result streamed to a sink', () => {
  it('is byte for byte the buffered result, written as it comes with the sink setting the pace', async () => {
    const buffered = await read();
    const { sink, text, waits } = slowSink();
    const streamed = await read({ output: sink });
    expect(streamed).toEqual({ status: 1, output: '' });
    expect(text()).toBe(buffered.output);
    expect(buffered.output.match(/<Item>/g)).toHaveLength(50 * PAGE);
    expect(waits()).toBeGreaterThan(0);
  });

  it('keeps what was delivered when a later page fails, then says where and why, closing the document', async () => {
    failAt = 30;
    const { sink, text } = slowSink();
    const r = await read({ output: sink });
    expect(r.status).toBe(-1);
    const xml = text();
    expect(xml.match(/<Item>/g)).toHaveLength(30 * PAGE);
    expect(xml).toMatch(
      /<Error code="HTTP_STATUS">\s*<Message>page 30 answered 500<\/Message>\s*<\/Error>\s*<\/Items>\s*$/
    );
  });

  it('is the error document alone when the failure comes before anything reached the sink', async () => {
    failAt = 0;
    const { sink, text } = slowSink();
    const r = await read({ output: sink });
    expect(r.status).toBe(-1);
    expect(text()).toBe((await read()).output);
    expect(text()).toMatch(/^<\?xml[^>]*>\s*<Error code="HTTP_STATUS">/);
  });
});

describe('an invocation stopped from outside', () => {
  it('cancels the request in flight when the caller aborts, keeps what was written, and says how far it got', async () => {
    hangAt = 3;
    const { sink, text } = slowSink();
    const caller = new AbortController();
    const started = Date.now();
    const pending = read({ output: sink, signal: caller.signal });
    setTimeout(() => caller.abort(), 300);
    const r = await pending;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.status).toBe(-1);
    const xml = text();
    expect(xml.match(/<Item>/g)).toHaveLength(3 * PAGE);
    expect(xml).toMatch(
      /<Error code="ABORTED">\s*<Message>Stopped because the caller aborted it, after 4 requests, 3 parts, 3,000 entities, [\d.]+ MB written in [\d.]+ s/
    );
    expect(xml).toMatch(/<\/Error>\s*<\/Items>\s*$/);
  });

  it('stops at the overall deadline, from the request or the runtime', async () => {
    hangAt = 1;
    const own = await read({ deadlineMs: 200 });
    expect(own.status).toBe(-1);
    expect(own.output).toContain('<Error code="ABORTED">');
    expect(own.output).toContain(
      'Stopped because its deadline of 200 ms passed, after 2 requests, 1 part, 1,000 entities'
    );
    const runtimeWide = await read({}, { deadlineMs: 150 });
    expect(runtimeWide.output).toContain('its deadline of 150 ms passed');
  });

  it('sends nothing when the signal has already fired', async () => {
    let sent = 0;
    const r = await read(
      { signal: AbortSignal.abort() },
      { transport: { send: () => Promise.reject(new Error(`sent ${++sent}`)) } }
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain('Stopped because the caller aborted it, after 0 requests');
    expect(sent).toBe(0);
  });
});

describe('the streaming twin and progress', () => {
  it('hands the result over as chunks, byte for byte the buffered result', async () => {
    const buffered = await read();
    const { chunks, result } = createRuntime([paged]).stream(request());
    let text = '';
    let count = 0;
    for await (const chunk of chunks) {
      text += chunk;
      count++;
    }
    expect(await result).toEqual({ status: 1, output: '' });
    expect(count).toBeGreaterThan(1);
    expect(text).toBe(buffered.output);
  });

  it('reports entities, parts, bytes and rate at the progress level, once at the end at least', async () => {
    pages = 5;
    const lines: string[] = [];
    const { sink } = slowSink();
    await read({ output: sink }, { log: (level, message) => lines.push(`${level} ${message}`) });
    const progress = lines.filter(l => l.startsWith('progress '));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toMatch(
      /^progress 5 requests, 5 parts, 5,000 entities, [\d.]+ MB written in [\d.]+ s \([\d,]+ entities\/s\)$/
    );
  });
});
