import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { operationsOf, type Connector } from '../connector/connector';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import type { ParamSpecs } from '../connector/param-spec';
import { emit, send } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import { createRuntime, type InvokeRequest } from './runtime';

// A paged service on loopback: /items?page=N answers 1,000 items and the next page, until `pages`; page
// `failAt` answers 500. A planned read writes each page as it comes (emit), then closes the document.
const PAGE = 1000;
let pages = 50;
let failAt: number | undefined;
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
    if (page === failAt) return void res.writeHead(500).end('down');
    const items = Array.from({ length: PAGE }, (_, i) => `item ${page * PAGE + i} & <${'x'.repeat(40)}>`);
    res.end(JSON.stringify({ items, next: page + 1 < pages ? page + 1 : null }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));
beforeEach(() => {
  pages = 50;
  failAt = undefined;
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
          yield* emit(w => body.items.forEach(item => w.leaf('Item', [], item)));
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

const read = (extra: Partial<InvokeRequest> = {}) =>
  createRuntime([paged]).invoke({ connector: 'paged', operation: 'Read', params: { serviceUrl: url }, ...extra });

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
