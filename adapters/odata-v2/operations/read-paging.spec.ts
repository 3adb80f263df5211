import { createRuntime } from '../../../src/index';
import type { HttpRequest, HttpResponse } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';

/**
 * A Products set of `rows` entities that honours $skip/$top and, like CAP, splits any answer above
 * `serverMax` rows with a `__next` that keeps the query and adds an opaque `$skiptoken`.
 */
function productsService(rows: number, serverMax: number, continuation: 'skiptoken' | 'skip' = 'skiptoken') {
  return (request: HttpRequest): HttpResponse | undefined => {
    const url = new URL(request.url);
    if (!url.pathname.endsWith('/Products')) return undefined;
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const top = Number(url.searchParams.get('$top') ?? rows);
    const token = url.searchParams.get('$skiptoken');
    const from = token === null ? skip : Number(Buffer.from(token, 'base64').toString());
    const end = Math.min(skip + top, rows);
    const to = Math.min(end, from + serverMax);
    const results = Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ ID: from + i + 1 }));
    const rest = url.search
      .slice(1)
      .split('&')
      .filter(p => !/^\$(skiptoken|skip|top)=/.test(p));
    // CAP keeps $skip/$top and adds an opaque $skiptoken; other servers rewrite $skip/$top to the rest of the window
    const link =
      continuation === 'skiptoken'
        ? [...rest, `$skip=${skip}`, `$top=${top}`, `$skiptoken=${Buffer.from(String(to)).toString('base64')}`]
        : [...rest, `$skip=${to}`, `$top=${end - to}`];
    const next = to < end ? { __next: `${serviceUrl}Products?${link.join('&')}` } : {};
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ d: { results, ...next } })
    };
  };
}

const ids = (output: string): number[] => [...output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => Number(m[1]));

async function readInPages(
  rows: number,
  serverMax: number,
  params: Record<string, string>,
  continuation: 'skiptoken' | 'skip' = 'skiptoken'
): Promise<{ ids: number[]; calls: number }> {
  const runtime = createRuntime([odataV2], {
    transport: createStubService(metadata, productsService(rows, serverMax, continuation))
  });
  const read: number[] = [];
  let nextLink: string | undefined;
  for (let calls = 1; calls <= 20; calls += 1) {
    const r = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: {
        serviceUrl,
        resourcePath: 'Products',
        processInPages: 'true',
        ...params,
        ...(nextLink === undefined ? {} : { nextLink })
      }
    });
    expect(r.status).toBe(1);
    read.push(...ids(r.output));
    nextLink = /nextLink="([^"]*)"/.exec(r.output)?.[1]?.replace(/&amp;/g, '&');
    expect(r.output).toContain(`hasMoreRecords="${String(nextLink !== undefined)}"`);
    if (nextLink === undefined) return { ids: read, calls };
  }
  throw new Error(`process-in-pages did not end after 20 calls; read ${read.join(',')}`);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Read with pageSize and processInPages', () => {
  it('reads every row exactly once, page after page, and ends', async () => {
    const r = await readInPages(5, 100, { pageSize: '2' });
    expect(r.ids).toEqual(range(1, 5));
    expect(r.calls).toBe(3);
  });

  it('ends when the rows fill the last page exactly (one empty page says there are no more)', async () => {
    expect((await readInPages(4, 100, { pageSize: '2' })).ids).toEqual(range(1, 4));
  });

  it("stays inside the user's own $skip and $top", async () => {
    expect((await readInPages(20, 100, { pageSize: '3', queryOptions: '$skip=4&$top=7' })).ids).toEqual(range(5, 11));
  });

  it.each(['skiptoken', 'skip'] as const)(
    'resumes from a server __next inside a page (the server pages smaller than pageSize, by %s)',
    async continuation => {
      expect((await readInPages(7, 2, { pageSize: '3' }, continuation)).ids).toEqual(range(1, 7));
      expect((await readInPages(20, 2, { pageSize: '5', queryOptions: '$skip=3&$top=9' }, continuation)).ids).toEqual(
        range(4, 12)
      );
    }
  );

  it('without processInPages, reads all windows in one call', async () => {
    const runtime = createRuntime([odataV2], { transport: createStubService(metadata, productsService(7, 2)) });
    const r = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', pageSize: '3' }
    });
    expect(ids(r.output)).toEqual(range(1, 7));
  });

  it.each(['Products(1)', 'Products(1)/Category'])(
    'does not page %s, one entity ($top/$skip on it are refused by SAP Gateway)',
    async resourcePath => {
      const stub = createStubService(metadata, () => ({
        status: 200,
        headers: {},
        body: JSON.stringify({ d: { ID: 1 } })
      }));
      const r = await createRuntime([odataV2], { transport: stub }).invoke({
        connector: 'odata-v2',
        operation: 'Read',
        params: { serviceUrl, resourcePath, pageSize: '2', queryOptions: '$select=ID' }
      });
      expect(r.status).toBe(1);
      expect(stub.requests.map(q => q.url).filter(u => !u.endsWith('$metadata'))).toEqual([
        `${serviceUrl}${resourcePath}?$select=ID`
      ]);
    }
  );

  it("with $top=0 sends the user's query as it is (no unfiltered read of everything)", async () => {
    const stub = createStubService(metadata, productsService(5, 100));
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', pageSize: '2', queryOptions: '$filter=ID gt 3&$top=0' }
    });
    expect(ids(r.output)).toEqual([]);
    expect(stub.requests.map(q => q.url).filter(u => !u.endsWith('$metadata'))).toEqual([
      `${serviceUrl}Products?$filter=ID%20gt%203&$top=0`
    ]);
  });

  it('follows a __next on the internal host below the service path, but never one to another host', async () => {
    const answer =
      (next: string) =>
      (request: HttpRequest): HttpResponse | undefined =>
        request.url.includes('skiptoken')
          ? { status: 200, headers: {}, body: JSON.stringify({ d: { results: [{ ID: 2 }] } }) }
          : request.url.includes('Products')
            ? { status: 200, headers: {}, body: JSON.stringify({ d: { results: [{ ID: 1 }], __next: next } }) }
            : undefined;
    const internal = createStubService(metadata, answer('http://internal:8000/svc/Products?$skiptoken=1'));
    const ok = await createRuntime([odataV2], { transport: internal }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', user: 'u', password: 'p' }
    });
    expect(ids(ok.output)).toEqual([1, 2]);
    const foreign = createStubService(metadata, answer('http://evil.test/collect?$skiptoken=1'));
    const refused = await createRuntime([odataV2], { transport: foreign }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', user: 'u', password: 'p' }
    });
    expect(refused.status).toBe(-1);
    expect(refused.output).toContain('points to another host');
    expect(foreign.requests.some(q => q.url.includes('evil.test'))).toBe(false);
  });
});

describe('Read with pageSize against a service that ignores $skip', () => {
  it('stops at the second window, naming the problem, instead of reading the first window 100,000 times', async () => {
    const sent: string[] = [];
    const sameWindow = (request: HttpRequest): HttpResponse | undefined => {
      if (!new URL(request.url).pathname.endsWith('/Products')) return undefined;
      sent.push(request.url);
      const body = JSON.stringify({ d: { results: [{ ID: 1 }, { ID: 2 }] } });
      return { status: 200, headers: { 'content-type': 'application/json' }, body };
    };
    const runtime = createRuntime([odataV2], { transport: createStubService(metadata, sameWindow) });
    const r = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', pageSize: '2' }
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('the service ignores $skip, so paging by pageSize cannot advance');
    expect(sent).toHaveLength(2);
  });
});
