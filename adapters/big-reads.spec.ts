import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createDefaultRuntime, type InvokeRequest } from './index';

// Big reads against a loopback service written here (hand-written $metadata, generated pages): a whole read
// streams page by page and equals the buffered result; one huge page reads; process in pages hands over one
// page with the link to the next.
const V4_METADATA =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">' +
  '<edmx:DataServices><Schema Namespace="Big" xmlns="http://docs.oasis-open.org/odata/ns/edm">' +
  '<EntityType Name="Item"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/>' +
  '<Property Name="Name" Type="Edm.String"/><Property Name="Price" Type="Edm.Decimal" Scale="2"/></EntityType>' +
  '<EntityContainer Name="C"><EntitySet Name="Items" EntityType="Big.Item"/></EntityContainer>' +
  '</Schema></edmx:DataServices></edmx:Edmx>';
const V2_METADATA =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" ' +
  'xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><edmx:DataServices m:DataServiceVersion="2.0">' +
  '<Schema Namespace="BIG" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">' +
  '<EntityType Name="Item"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/>' +
  '<Property Name="Name" Type="Edm.String"/><Property Name="Price" Type="Edm.Decimal" Scale="2"/></EntityType>' +
  '<EntityContainer Name="BIG_Entities" m:IsDefaultEntityContainer="true"><EntitySet Name="Items" EntityType="BIG.Item"/>' +
  '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>';

const V4_TOTAL = 50_000;
const V4_PAGE = 1_000;
const V2_ONE_PAGE = 150_000;
const item = (id: number) => ({ ID: id, Name: `Item ${id} & <${id % 7}>`, Price: `${id}.50` });

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (body: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (url.pathname.endsWith('/$metadata'))
      return void res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(url.pathname.startsWith('/v4/') ? V4_METADATA : V2_METADATA);
    if (url.pathname === '/v4/Items') {
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const value = Array.from({ length: Math.min(V4_PAGE, V4_TOTAL - skip) }, (_, i) => item(skip + i));
      const next = skip + V4_PAGE < V4_TOTAL ? `Items?$skiptoken=${skip + V4_PAGE}` : undefined;
      return void json(
        JSON.stringify({ '@odata.context': '$metadata#Items', value, ...(next ? { '@odata.nextLink': next } : {}) })
      );
    }
    if (url.pathname === '/v2/Items') {
      const results = Array.from({ length: V2_ONE_PAGE }, (_, i) => ({ __metadata: { type: 'BIG.Item' }, ...item(i) }));
      return void json(JSON.stringify({ d: { results } }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>(resolve => server.close(() => resolve()));
});

function collect(): { sink: Writable; text: () => string; chunks: () => number } {
  const parts: string[] = [];
  const sink = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      parts.push(chunk);
      done();
    }
  });
  return { sink, text: () => parts.join(''), chunks: () => parts.length };
}

const v4Read = (params: Record<string, string> = {}): InvokeRequest => ({
  connector: 'odata-v4',
  operation: 'ReadEntitySet',
  params: { serviceUrl: `${base}/v4/`, entitySet: 'Items', ...params }
});

describe('big reads', () => {
  it('V4: a streamed 50,000-entity read is byte for byte the buffered one, written page by page', async () => {
    const runtime = createDefaultRuntime();
    const buffered = await runtime.invoke(v4Read());
    expect(buffered.status).toBe(1);
    expect(buffered.output.match(/<Object>/g)).toHaveLength(V4_TOTAL + 1);
    const { sink, text, chunks } = collect();
    const streamed = await runtime.invoke({ ...v4Read(), output: sink });
    expect(streamed).toEqual({ status: 1, output: '' });
    expect(text()).toBe(buffered.output);
    expect(chunks()).toBeGreaterThan(V4_TOTAL / V4_PAGE / 2);
  }, 120_000);

  it('V2: one page of 150,000 entities reads (no call stack overflow), streamed like the buffered result', async () => {
    const runtime = createDefaultRuntime();
    const request = {
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl: `${base}/v2/`, resourcePath: 'Items' }
    };
    const buffered = await runtime.invoke(request);
    expect(buffered.status).toBe(1);
    expect(buffered.output.match(/<Item>/g)).toHaveLength(V2_ONE_PAGE);
    expect(buffered.output).toMatch(
      /<ID>149999<\/ID>\s*<Name>Item 149999 &amp; &lt;3&gt;<\/Name>\s*<Price>149999.50<\/Price>/
    );
    const { sink, text } = collect();
    expect(await runtime.invoke({ ...request, output: sink })).toEqual({ status: 1, output: '' });
    expect(text()).toBe(buffered.output);
  }, 120_000);

  it('V4 process in pages: one page, ending with the link that reads the next, until none is left', async () => {
    const runtime = createDefaultRuntime();
    const first = await runtime.invoke(v4Read({ processInPages: 'true' }));
    expect(first.status).toBe(1);
    expect(first.output.match(/<Object>/g)).toHaveLength(V4_PAGE + 1);
    const link = /<Value type="String" name="@odata.nextLink">([^<]+)<\/Value>\s*<\/Object>\s*$/.exec(
      first.output
    )?.[1];
    expect(link).toBe(`${base}/v4/Items?$skiptoken=1000`);
    const second = await runtime.invoke(v4Read({ processInPages: 'true', nextLink: link ?? '' }));
    expect(second.output).toContain('<Value type="Number" name="ID">1000</Value>');
    expect(second.output).toContain(`${base}/v4/Items?$skiptoken=2000`);
    const last = await runtime.invoke(
      v4Read({ processInPages: 'true', nextLink: `${base}/v4/Items?$skiptoken=49000` })
    );
    expect(last.status).toBe(1);
    expect(last.output).not.toContain('@odata.nextLink');
  });

  it('refuses a nextLink off the service host before sending anything, and on a single entity', async () => {
    const runtime = createDefaultRuntime();
    const away = await runtime.invoke(v4Read({ processInPages: 'true', nextLink: 'http://elsewhere.test/v4/Items' }));
    expect(away.status).toBe(-1);
    expect(away.output).toContain('<Error code="PARAMETER_INVALID">');
    expect(away.output).toContain('nextLink http://elsewhere.test/v4/Items is not on the service');
    const v2 = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: {
        serviceUrl: `${base}/v2/`,
        resourcePath: 'Items',
        processInPages: 'true',
        nextLink: 'http://elsewhere.test/v2/Items'
      }
    });
    expect(v2.output).toContain('nextLink http://elsewhere.test/v2/Items is not on the service');
  });
});
