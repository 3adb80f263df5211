import { ConnectorError, sanitizeUrl } from '../../../src/sdk';

/*
 * Client-side paging of Read (`pageSize`): each request asks for a window `$skip`/`$top` of the user's
 * query. The window is read back from the URL of the page (its `$skip`), never kept in memory only, so
 * a `nextLink` handed back by process-in-pages resumes exactly where the previous call stopped.
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
  return { rest: options.filter(p => !p.startsWith('$top=') && !p.startsWith('$skip=')), skip: valueOf('$skip') ?? 0, ...(top === undefined ? {} : { top }) };
}

/** The number of rows of the window at `offset` (rows after the user's `$skip`); 0 when the user's `$top` is used up. */
export function windowSize(query: string, pageSize: number, offset: number): number {
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

/** Where the window a page URL belongs to starts: its `$skip` less the user's own (0 when it has none). */
export function windowOffsetOf(url: string, query: string): number {
  const skip = new URL(url, 'http://base.invalid/').searchParams.get('$skip');
  const offset = skip === null ? 0 : Number(skip) - userQuery(query).skip;
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}

/** Whether a URL continues a server-split page (`$skiptoken`): how much of its window was already read is then unknown. */
export function isServerContinuation(url: string): boolean {
  return new URL(url, 'http://base.invalid/').searchParams.has('$skiptoken');
}

/**
 * Resolves a `__next` link against the service root. Servers behind a proxy often answer with their
 * internal host; a link whose path lies below the service path is moved onto the configured service URL.
 * A link to another host is not followed: the credentials of this service would go with it.
 */
export function rebaseNextLink(next: string, serviceRoot: string): string {
  const root = new URL(serviceRoot);
  const link = new URL(next, serviceRoot);
  if (link.origin === root.origin) return link.toString();
  if (link.pathname.startsWith(root.pathname)) return `${root.origin}${link.pathname}${link.search}`;
  throw new ConnectorError('RESPONSE_INVALID', `The service's next link ${sanitizeUrl(link.toString())} points to another host than ${root.origin} and outside the service path ${root.pathname}; it is not followed, so the credentials do not go there`, { url: sanitizeUrl(link.toString()) });
}
