import {
  checkResumeLink,
  ConnectorError,
  emit,
  followPages,
  headerOf,
  type Plan,
  sendChecked,
  v2Dialect,
  withQuery,
  type XmlAttributes
} from '../../../src/sdk';
import { openEntitySet, writeEntities, type EntityRecord } from '../output/entity-set-xml';
import { queryOptionsParam, resourcePathParam, v2Operations } from '../params';
import { checkQueryNames, encodeQueryOptions, resolveResourcePath, type ResolvedPath } from './resource-path';
import { decodeRecords } from './decode-records';
import { serviceRequest, v2Model, v2Service, type V2Service } from './v2-service';

interface ReadInput {
  readonly resourcePath: string;
  readonly query: string;
  readonly pageSize?: number;
  readonly processInPages: boolean;
  readonly nextLink?: string;
}

// `streamed`: every page was written as it came (a whole read: memory holds one page), only the root is left to close.
type ReadOutput = { readonly streamed: true } | BufferedRead;

interface BufferedRead {
  readonly streamed?: false;
  readonly entitySet: string;
  readonly pages: readonly (readonly EntityRecord[])[];
  readonly count?: string;
  /** Process in pages: where the next page starts, and whether the root says if more records follow. */
  readonly nextLink?: string;
  readonly paged?: boolean;
}

export const readOperation = v2Operations.define({
  description:
    'Read (Query): GET an entity set, an entity by key, a navigation or /$count, with $filter/$select/$expand/$orderby/$top/$skip/$inlinecount and custom options; output <EntitySet><EntityType>…',
  envelope: 'none',
  params: {
    ...resourcePathParam,
    ...queryOptionsParam,
    pageSize: {
      type: 'integer',
      min: 1,
      max: 1_000_000,
      description: 'Client-side page size ($top/$skip per request); default: follow the server paging (__next)'
    },
    processInPages: {
      type: 'boolean',
      default: 'false',
      description: 'Return one page only, with hasMoreRecords and nextLink on the root (CPI "Process in Pages")'
    },
    nextLink: { type: 'url', description: 'Process-in-pages: the nextLink of the previous page' }
  },
  model: v2Model,
  read(_envelope, { resourcePath, queryOptions, processInPages, pageSize, nextLink }): ReadInput {
    if (resourcePath === undefined)
      throw new ConnectorError(
        'PARAMETER_MISSING',
        'Read needs resourcePath, e.g. Products or Products(1) or Categories(1)/Products',
        { target: 'resourcePath' }
      );
    return { resourcePath, query: encodeQueryOptions(queryOptions), processInPages, pageSize, nextLink };
  },
  *plan(input, ctx) {
    const service = v2Service(ctx);
    const path = resolveResourcePath(service.model, input.resourcePath);
    if (path.count) return { status: 1, output: yield* readCount(service, path, input.query) };
    checkQueryNames(service.model, path.type, input.query);
    // One entity is not paged: $top/$skip on an entity by key is refused by SAP Gateway.
    return {
      status: 1,
      output: yield* readPages(service, path, path.collection ? input : { ...input, pageSize: undefined })
    };
  },
  write(output, w) {
    if (output.streamed === true) return void w.close();
    openEntitySet(w, output.entitySet, [
      ['count', output.count],
      ['hasMoreRecords', output.paged ? String(output.nextLink !== undefined) : undefined],
      ['nextLink', output.nextLink]
    ]);
    for (const page of output.pages) writeEntities(w, page);
    w.close();
  }
});

function* readCount(service: V2Service, path: ResolvedPath, query: string): Plan<ReadOutput> {
  const request = serviceRequest(service, 'GET', withQuery(path.encoded, query), { accept: 'text/plain' });
  const response = yield* sendChecked(request);
  const count = response.body.trim();
  if (!/^\d+$/.test(count))
    throw new ConnectorError('RESPONSE_INVALID', `${path.encoded} answered "${count.slice(0, 80)}", not a count`);
  return { entitySet: path.entitySet, pages: [], count };
}

function* readPages(service: V2Service, path: ResolvedPath, input: ReadInput): Plan<ReadOutput> {
  const { query, pageSize } = input;
  const urlOf = (windowed: string): string => `${service.root}${withQuery(path.encoded, windowed)}`;
  // A whole read is written page by page as it comes; one page (process in pages) needs its next link first.
  const stream = !input.processInPages;
  let opened = false;
  const pages: (readonly EntityRecord[])[] = [];
  let count: string | undefined;
  let previousRows: string | undefined;
  // $top=0 leaves no window: the user's own query is sent as it is (never an unfiltered read)
  const first =
    input.nextLink !== undefined
      ? checkResumeLink(service.root, input.nextLink, 'nextLink')
      : urlOf(pageSize === undefined ? query : (windowQuery(query, pageSize, 0) ?? query));
  const readPage = function* (url: string) {
    const response = yield* sendChecked(serviceRequest(service, 'GET', url));
    const page = decodeRecords(service.model, response.body, path.type, service.format);
    // A single entity's ETag may come only in the header (CAP's Atom entries have no m:etag); the body's wins.
    const etag = headerOf(response, 'etag');
    const records =
      page.single && etag !== undefined
        ? page.records.map(record => ({ ...record, etag: record.etag ?? etag }))
        : page.records;
    if (!stream) pages.push(records);
    else {
      if (!opened) {
        const attributes: XmlAttributes = [['count', page.count]];
        yield* emit(w => openEntitySet(w, path.entitySet, attributes));
        opened = true;
      }
      yield* emit(w => writeEntities(w, records), records.length);
    }
    count ??= page.count;
    if (page.next !== undefined || pageSize === undefined || page.single) return { next: page.next };
    // a service that ignores $skip answers every window with the first one: client paging would never end
    const rows = records.map(r => r.uri ?? JSON.stringify(r.fields)).join('\n');
    if (rows !== '' && rows === previousRows)
      throw new ConnectorError(
        'RESPONSE_INVALID',
        `GET ${url} answered the entities of the window before: the service ignores $skip, so paging by pageSize cannot advance; read without pageSize`,
        { url }
      );
    previousRows = rows;
    const offset = nextWindowOffset(url, query, pageSize, page.records.length);
    const windowed = offset === undefined ? undefined : windowQuery(query, pageSize, offset);
    return { nextUrl: windowed === undefined ? undefined : urlOf(windowed) };
  };
  const nextLink = yield* followPages(v2Dialect, service.root, first, readPage, input.processInPages ? 1 : Infinity);
  if (stream) return { streamed: true };
  return { entitySet: path.entitySet, pages, count, paged: input.processInPages, nextLink };
}

// Client-side paging (pageSize): `$skip`/`$top` windows inside the user's own ones, read back from each page's URL
// so that a nextLink handed back by process-in-pages resumes exactly where the previous call stopped.
interface UserQuery {
  readonly rest: readonly string[];
  readonly top: number | undefined;
  readonly skip: number;
}

function userQuery(query: string): UserQuery {
  const options = query.split('&').filter(p => p !== '');
  const valueOf = (name: string): number | undefined => {
    const found = options.find(p => p.startsWith(`${name}=`));
    return found === undefined ? undefined : Number(found.slice(name.length + 1));
  };
  return { rest: options.filter(p => !/^\$(top|skip)=/.test(p)), top: valueOf('$top'), skip: valueOf('$skip') ?? 0 };
}

/** The rows of the window at `offset` (after the user's `$skip`); 0 once the user's `$top` is used up. */
function windowSize({ top }: UserQuery, pageSize: number, offset: number): number {
  return Math.max(0, top === undefined ? pageSize : Math.min(pageSize, top - offset));
}

function windowQuery(query: string, pageSize: number, offset: number): string | undefined {
  const user = userQuery(query);
  const top = windowSize(user, pageSize, offset);
  return top <= 0 ? undefined : [...user.rest, `$skip=${user.skip + offset}`, `$top=${top}`].join('&');
}

// After a page without `__next`, from its own `$skip`/`$top` (servers that split a window rewrite them): complete
// when it filled its `$top`, or after a `$skiptoken` (what came before is unknown) when it brought any row.
function nextWindowOffset(url: string, query: string, pageSize: number, rows: number): number | undefined {
  const user = userQuery(query);
  const params = new URL(url, 'http://base.invalid/').searchParams;
  const skip = Number(params.get('$skip') ?? NaN);
  const offset = Number.isSafeInteger(skip) ? Math.max(0, skip - user.skip) : 0;
  const top = Number(params.get('$top') ?? NaN);
  const size = Number.isSafeInteger(top) ? top : windowSize(user, pageSize, offset);
  const complete = params.has('$skiptoken') ? rows > 0 : rows >= size;
  return complete ? offset + size : undefined;
}
