import {
  ConnectorError,
  defineOperation,
  headerOf,
  httpStatusError,
  isSuccess,
  type EdmModel,
  type OperationContext
} from '../../../src/sdk';
import { writeEntitySet } from '../output/entity-set-xml';
import { formatOf, queryOptionsParam, resourcePathParam, serviceRootOf, stringParam } from '../service/params';
import { encodeQueryOptions, resolveResourcePath, withQuery, type ResolvedPath } from '../service/resource-path';
import { checkQueryNames } from '../service/query-check';
import { loadModel, sendRequest, serviceRequest } from '../service/service-client';
import { decodeAtomPage } from '../wire/atom-response';
import type { EntityRecord, RecordPage } from '../wire/entity-record';
import { decodeJsonPage } from '../wire/json-response';
import { nextWindowOffset, rebaseNextLink, windowQuery } from './read-paging';

/** What Read needs, from parameters only. */
export interface ReadInput {
  readonly resourcePath: string;
  readonly query: string;
  readonly pageSize?: number;
  readonly processInPages: boolean;
  readonly nextLink?: string;
}

/** The entities read, with the inline count and paging state. */
export interface ReadOutput {
  readonly entitySet: string;
  readonly records: readonly EntityRecord[];
  readonly count?: string;
  /** Process-in-pages: where the next page starts (pass it back as `nextLink`). */
  readonly nextLink?: string;
  readonly pages: number;
  /** Process-in-pages result: the root says whether more records follow. */
  readonly paged?: boolean;
}

const MAX_PAGES = 100_000;

/** Read (Query): entity set, by key, navigation, `$count`; follows `__next` or pages client-side. */
export const readOperation = defineOperation<ReadInput, ReadOutput>({
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
  read(_envelope, params) {
    const resourcePath = stringParam(params, 'resourcePath');
    if (resourcePath === undefined)
      throw new ConnectorError(
        'PARAMETER_MISSING',
        'Read needs resourcePath, e.g. Products or Products(1) or Categories(1)/Products',
        { target: 'resourcePath' }
      );
    const nextLink = stringParam(params, 'nextLink');
    const pageSize = params['pageSize'];
    return {
      resourcePath,
      query: encodeQueryOptions(stringParam(params, 'queryOptions')),
      processInPages: params['processInPages'] === true,
      ...(typeof pageSize === 'number' ? { pageSize } : {}),
      ...(nextLink === undefined ? {} : { nextLink })
    };
  },
  async execute(input, ctx) {
    const model = await loadModel(ctx);
    const path = resolveResourcePath(model, input.resourcePath);
    if (path.count) return { status: 1, output: await readCount(ctx, path, input.query) };
    checkQueryNames(model, path.type, input.query);
    // One entity is not paged: $top/$skip on an entity by key is refused by SAP Gateway.
    const { pageSize: _unused, ...unpaged } = input;
    return { status: 1, output: await readPages(ctx, model, path, path.collection ? input : unpaged) };
  },
  write(output, w) {
    writeEntitySet(w, output.entitySet, output.records, [
      ['count', output.count],
      ['hasMoreRecords', output.paged ? String(output.nextLink !== undefined) : undefined],
      ['nextLink', output.nextLink]
    ]);
  }
});

async function readCount(ctx: OperationContext, path: ResolvedPath, query: string): Promise<ReadOutput> {
  const request = serviceRequest(ctx, 'GET', withQuery(path.encoded, query), { accept: 'text/plain' });
  const response = await sendRequest(ctx, request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  const count = response.body.trim();
  if (!/^\d+$/.test(count))
    throw new ConnectorError('RESPONSE_INVALID', `${path.encoded} answered "${count.slice(0, 80)}", not a count`);
  return { entitySet: path.entitySet, records: [], count, pages: 1 };
}

/** Fetches one page and decodes it in the configured format. */
export async function fetchPage(
  ctx: OperationContext,
  model: EdmModel,
  path: ResolvedPath,
  url: string
): Promise<RecordPage> {
  const request = serviceRequest(ctx, 'GET', url);
  const response = await sendRequest(ctx, request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  // Decoded as what came back: a $format in queryOptions, or a server that ignores Accept, may answer the other format.
  const start = response.body.trimStart()[0];
  const atom = start === '<' || (start !== '{' && formatOf(ctx.params) === 'atom');
  const page = atom ? decodeAtomPage(model, response.body, path.type) : decodeJsonPage(model, response.body, path.type);
  // A single entity's ETag may come only in the header (CAP's Atom entries have no m:etag); the body's wins.
  const header = headerOf(response, 'etag');
  if (!page.single || header === undefined) return page;
  return {
    ...page,
    records: page.records.map(record => (record.etag === undefined ? { ...record, etag: header } : record))
  };
}

async function readPages(
  ctx: OperationContext,
  model: EdmModel,
  path: ResolvedPath,
  input: ReadInput
): Promise<ReadOutput> {
  const records: EntityRecord[] = [];
  let count: string | undefined;
  // $top=0 leaves no window: the user's own query is sent as it is (never an unfiltered read)
  const firstQuery =
    input.pageSize === undefined ? input.query : (windowQuery(input.query, input.pageSize, 0) ?? input.query);
  let url: string | undefined = input.nextLink ?? withQuery(path.encoded, firstQuery);
  let pages = 0;
  const seen = new Set<string>();
  while (url !== undefined) {
    if (seen.has(url) || pages >= MAX_PAGES)
      throw new ConnectorError('RESPONSE_INVALID', `Paging does not end: ${url} was already read`);
    seen.add(url);
    const page = await fetchPage(ctx, model, path, url);
    pages += 1;
    records.push(...page.records);
    count ??= page.count;
    let next: string | undefined =
      page.next === undefined ? undefined : rebaseNextLink(page.next, serviceRootOf(ctx.params));
    if (next === undefined && input.pageSize !== undefined && !page.single) {
      const offset = nextWindowOffset(url, input.query, input.pageSize, page.records.length);
      const nextQuery = offset === undefined ? undefined : windowQuery(input.query, input.pageSize, offset);
      next = nextQuery === undefined ? undefined : serviceRequest(ctx, 'GET', withQuery(path.encoded, nextQuery)).url;
    }
    if (input.processInPages)
      return {
        entitySet: path.entitySet,
        records,
        paged: true,
        ...(count === undefined ? {} : { count }),
        ...(next === undefined ? {} : { nextLink: next }),
        pages
      };
    url = next;
  }
  return { entitySet: path.entitySet, records, ...(count === undefined ? {} : { count }), pages };
}
