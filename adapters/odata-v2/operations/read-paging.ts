/*
 * Client-side paging of Read (`pageSize`): each request asks for a `$skip`/`$top` window of the user's query.
 * The window is read back from the page's URL, never kept in memory only, so a `nextLink` handed back by
 * process-in-pages resumes exactly where the previous call stopped.
 */

/** The user's query options, apart from their own `$top`/`$skip`, which the windows stay inside. */
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

/** The query of the window at `offset`; undefined when nothing is left. */
export function windowQuery(query: string, pageSize: number, offset: number): string | undefined {
  const user = userQuery(query);
  const top = windowSize(user, pageSize, offset);
  return top <= 0 ? undefined : [...user.rest, `$skip=${user.skip + offset}`, `$top=${top}`].join('&');
}

/**
 * Where the next window starts after a page without `__next`, from that page's `$skip`/`$top` (servers that
 * split a window keep or rewrite them). The window is complete when the page filled its `$top`, or, after a
 * `$skiptoken` (how much of the window came before is unknown), when it brought any row.
 */
export function nextWindowOffset(url: string, query: string, pageSize: number, rows: number): number | undefined {
  const user = userQuery(query);
  const params = new URL(url, 'http://base.invalid/').searchParams;
  const skip = Number(params.get('$skip') ?? NaN);
  const offset = Number.isSafeInteger(skip) ? Math.max(0, skip - user.skip) : 0;
  const top = Number(params.get('$top') ?? NaN);
  const size = Number.isSafeInteger(top) ? top : windowSize(user, pageSize, offset);
  const complete = params.has('$skiptoken') ? rows > 0 : rows >= size;
  return complete ? offset + size : undefined;
}
