/*
 * Client-side paging of Read (`pageSize`): each request asks for a window `$skip`/`$top` of the user's
 * query. The window is read back from the URL of the page (its `$skip`/`$top`), never kept in memory only,
 * so a `nextLink` handed back by process-in-pages resumes exactly where the previous call stopped.
 */

/** The user's query options and their own `$top`/`$skip`, which the windows stay inside. */
interface UserQuery {
  readonly rest: readonly string[];
  readonly top?: number;
  readonly skip: number;
}

function userQuery(query: string): UserQuery {
  const options = query.split('&').filter(p => p !== '');
  const valueOf = (name: string): number | undefined => {
    const found = options.find(p => p.startsWith(`${name}=`));
    return found === undefined ? undefined : Number(found.slice(name.length + 1));
  };
  const top = valueOf('$top');
  return {
    rest: options.filter(p => !p.startsWith('$top=') && !p.startsWith('$skip=')),
    skip: valueOf('$skip') ?? 0,
    ...(top === undefined ? {} : { top })
  };
}

/** The number of rows of the window at `offset` (rows after the user's `$skip`); 0 when the user's `$top` is used up. */
function windowSize(query: string, pageSize: number, offset: number): number {
  const user = userQuery(query);
  return Math.max(0, user.top === undefined ? pageSize : Math.min(pageSize, user.top - offset));
}

/** The query of the window at `offset`: the user's options with `$skip`/`$top` replaced; undefined when nothing is left. */
export function windowQuery(query: string, pageSize: number, offset: number): string | undefined {
  const top = windowSize(query, pageSize, offset);
  if (top <= 0) return undefined;
  const user = userQuery(query);
  return [...user.rest, `$skip=${user.skip + offset}`, `$top=${top}`].join('&');
}

/**
 * Where the next window starts after the last page of a window (one without `__next`), read from that
 * page's URL: its `$skip` and `$top` (servers that split a window keep or rewrite them). The window is
 * complete when the page filled its `$top`, or, for a `$skiptoken` continuation (how much of the window
 * came before is unknown), when it brought any row. Undefined when the rows ran out.
 */
export function nextWindowOffset(url: string, query: string, pageSize: number, rows: number): number | undefined {
  const params = new URL(url, 'http://base.invalid/').searchParams;
  const skip = Number(params.get('$skip') ?? NaN);
  const offset = Number.isSafeInteger(skip) ? Math.max(0, skip - userQuery(query).skip) : 0;
  const top = Number(params.get('$top') ?? NaN);
  const size = Number.isSafeInteger(top) ? top : windowSize(query, pageSize, offset);
  const complete = params.has('$skiptoken') ? rows > 0 : rows >= size;
  return complete ? offset + size : undefined;
}
