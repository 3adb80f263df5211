import { send, type Plan } from '../connector/plan';
import { isSuccess } from '../odata/odata-error';
import type { HttpRequest, HttpResponse } from '../transport/transport';

/**
 * How a list operation pages, as data: where a page starts (an offset parameter) and where a page's items and
 * the total count are in the answer. The kit follows the pages in its plan until every item is read, and
 * answers as if one page held them all. A caller who names the offset gets that one page.
 */
export interface RestPaging<Params> {
  /** The parameter (carried in the query) with the offset of a page's first item. */
  readonly offset: keyof Params & string;
  /** The member of the answer holding a page's items. */
  readonly items: string;
  /** The member of the answer holding the number of items in all pages. */
  readonly total: string;
}

/** A request and its answer; for pages, the last request and the answer with every page's items. */
export interface Exchange {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
}

type Page = Readonly<Record<string, unknown>>;

/**
 * Sends the first page and, unless the caller named a page, the next ones while items are missing. A page
 * that fails (or is not a JSON object) is answered as it came, so the operation reports that page's failure.
 */
export function* sendPages<Params extends Readonly<Record<string, unknown>>>(
  paging: RestPaging<Params>,
  params: Params,
  build: (params: Params) => HttpRequest
): Plan<Exchange> {
  const request = build(params);
  const response = yield* send(request);
  const first = pageOf(response);
  if (params[paging.offset] !== undefined || first === undefined) return { request, response };
  const items = [...itemsOf(first, paging.items)];
  const total = Number(first[paging.total]);
  let last: Exchange = { request, response };
  while (Number.isSafeInteger(total) && items.length < total) {
    const next = build({ ...params, [paging.offset]: items.length });
    last = { request: next, response: yield* send(next) };
    const page = pageOf(last.response);
    if (page === undefined) return last;
    const more = itemsOf(page, paging.items);
    if (more.length === 0) break;
    items.push(...more);
  }
  if (last.request === request) return last;
  return {
    request: last.request,
    response: { ...last.response, body: JSON.stringify({ ...first, [paging.items]: items }) }
  };
}

function pageOf(response: HttpResponse): Page | undefined {
  if (!isSuccess(response.status)) return undefined;
  try {
    const body: unknown = JSON.parse(response.body);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Page) : undefined;
  } catch {
    return undefined;
  }
}

function itemsOf(page: Page, member: string): readonly unknown[] {
  const items = page[member];
  return Array.isArray(items) ? items : [];
}
