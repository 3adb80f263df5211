import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a scripted request gets instead of its answer: a status (with headers), or its socket destroyed unanswered. */
export type Fault = { readonly status: number; readonly headers?: Readonly<Record<string, string>> } | 'reset';

/** A request as the service saw it: method, and path with the decoded query. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly csrfToken: string | undefined;
}

/** A loopback OData service (V4 under /v4/, V2 under /v2/) whose answers a test scripts to fail. */
export interface FlakyODataService {
  /** The V4 and V2 service roots. */
  readonly v4: string;
  readonly v2: string;
  readonly seen: SeenRequest[];
  /** The next requests `match` accepts get these faults, one each, in turn; then their ordinary answer. */
  fail(match: (request: SeenRequest) => boolean, ...faults: Fault[]): void;
  /** How many requests with this method and path (query included) the service saw. */
  count(method: string, path: string): number;
  stop(): Promise<void>;
}

/** Ten Items, two to a page: five pages, the next one linked by `$skiptoken` (V4 nextLink, V2 __next). */
export const ITEM_COUNT = 10;
export const PAGE_SIZE = 2;
export const CSRF_TOKEN = 'flaky-token';

const V4_METADATA =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">' +
  '<edmx:DataServices><Schema Namespace="Flaky" xmlns="http://docs.oasis-open.org/odata/ns/edm">' +
  '<EntityType Name="Item"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/>' +
  '<Property Name="Name" Type="Edm.String"/></EntityType>' +
  '<EntityContainer Name="C"><EntitySet Name="Items" EntityType="Flaky.Item"/></EntityContainer>' +
  '</Schema></edmx:DataServices></edmx:Edmx>';
const V2_METADATA =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" ' +
  'xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><edmx:DataServices m:DataServiceVersion="2.0">' +
  '<Schema Namespace="FLAKY" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">' +
  '<EntityType Name="Item"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/>' +
  '<Property Name="Name" Type="Edm.String"/></EntityType>' +
  '<EntityContainer Name="FLAKY_Entities" m:IsDefaultEntityContainer="true"><EntitySet Name="Items" EntityType="FLAKY.Item"/>' +
  '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>';

/** Starts the service on a free local port. */
export async function startFlakyODataService(): Promise<FlakyODataService> {
  const seen: SeenRequest[] = [];
  const scripts: Array<{ readonly match: (request: SeenRequest) => boolean; readonly faults: Fault[] }> = [];
  let base = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const token = req.headers['x-csrf-token'];
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(`${url.pathname}${url.search}`),
        csrfToken: typeof token === 'string' ? token : undefined
      };
      seen.push(request);
      const fault = scripts.find(s => s.faults.length > 0 && s.match(request))?.faults.shift();
      if (fault === 'reset') return void req.socket.destroy();
      if (fault !== undefined) return void res.writeHead(fault.status, { ...fault.headers }).end();
      answer(url, request, Buffer.concat(chunks).toString('utf8'), res, base);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    v4: `${base}/v4/`,
    v2: `${base}/v2/`,
    seen,
    fail: (match, ...faults) => void scripts.push({ match, faults }),
    count: (method, path) => seen.filter(r => r.method === method && r.path === path).length,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>(resolve => server.close(() => resolve()));
    }
  };
}

function answer(url: URL, request: SeenRequest, body: string, res: http.ServerResponse, base: string): void {
  const v4 = url.pathname.startsWith('/v4/');
  const json = (status: number, value: unknown): void =>
    void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (url.pathname.endsWith('/$metadata'))
    return void res.writeHead(200, { 'content-type': 'application/xml' }).end(v4 ? V4_METADATA : V2_METADATA);
  if (request.csrfToken === 'Fetch') return void res.writeHead(200, { 'x-csrf-token': CSRF_TOKEN }).end();
  if (/\/Items$/.test(url.pathname) && request.method === 'POST') {
    const entity = JSON.parse(body) as Record<string, unknown>;
    return json(201, v4 ? { '@odata.context': '$metadata#Items/$entity', ...entity } : { d: entity });
  }
  if (/\/Items$/.test(url.pathname) && request.method === 'GET') {
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const items = Array.from({ length: Math.min(PAGE_SIZE, ITEM_COUNT - skip) }, (_, i) => ({
      ID: skip + i + 1,
      Name: `Item ${skip + i + 1}`
    }));
    const more = skip + PAGE_SIZE < ITEM_COUNT ? `Items?$skiptoken=${skip + PAGE_SIZE}` : undefined;
    if (v4) return json(200, { value: items, ...(more === undefined ? {} : { '@odata.nextLink': more }) });
    const results = items.map(i => ({ __metadata: { type: 'FLAKY.Item' }, ...i }));
    return json(200, { d: { results, ...(more === undefined ? {} : { __next: `${base}/v2/${more}` }) } });
  }
  res.writeHead(404).end();
}
