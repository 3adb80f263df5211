import type { Plan } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import type { NextLinkSource, ODataDialect } from './dialect';
import type { LosslessJson, LosslessObject } from './lossless-json';
import { getJson } from './service';

/** Safety net against a service whose next links never end; far above any real paging. */
export const MAX_PAGES = 100_000;

/** A page as paging sees it: its next link as sent (V4 resolves it against `page`), or one the reader built. */
export interface PageLink {
  readonly next?: string | undefined;
  readonly page?: LosslessObject;
  /** A next URL the reader built below the service root (client-side windows): read as it is. */
  readonly nextUrl?: string | undefined;
}

/**
 * Server paging as a plan, up to `limit` pages; returns the next link not followed. A link off the service's host
 * or dropping https (the credentials would go with it), one already read, or page {@link MAX_PAGES} + 1 fails the read.
 */
export function* followPages(
  dialect: ODataDialect,
  serviceRoot: string,
  firstUrl: string,
  readPage: (url: string) => Plan<PageLink>,
  limit = Infinity
): Plan<string | undefined> {
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  while (url !== undefined && seen.size < limit) {
    if (seen.has(url)) throw new ConnectorError('RESPONSE_INVALID', `Paging does not end: ${url} was already read`);
    if (seen.size >= MAX_PAGES)
      throw new ConnectorError(
        'RESPONSE_INVALID',
        `Stopped after ${MAX_PAGES} pages: the service keeps answering with more (${dialect.nextLinkName} or full pages)`,
        { url }
      );
    seen.add(url);
    const { next, nextUrl, page }: PageLink = yield* readPage(url);
    url =
      next === undefined
        ? nextUrl
        : checkedNextLink(dialect, next, { url, serviceRoot, ...(page === undefined ? {} : { page }) });
  }
  return url;
}

function checkedNextLink(dialect: ODataDialect, next: string, from: NextLinkSource): string {
  const origin = new URL(from.url);
  const refuse = (why: string): never => {
    throw new ConnectorError('RESPONSE_INVALID', `GET ${from.url}: the service's ${dialect.nextLinkName} ${why}`, {
      url: from.url
    });
  };
  let resolved: string;
  let to: URL;
  try {
    resolved = dialect.resolveNextLink(next, from);
    to = new URL(resolved);
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    return refuse(`"${next}" is not a URL`);
  }
  const https = origin.protocol === 'https:';
  if (to.host !== origin.host || (https && to.protocol !== 'https:') || !/^https?:$/.test(to.protocol))
    refuse(`${next} leads away from ${origin.origin}; not followed, so the credentials are not sent there`);
  return resolved; // as sent: URL.href would re-encode the quotes of a $skiptoken
}

/**
 * Reads a JSON collection until no next link, `top` items or `limit` pages, one page held at a time (`each` can emit
 * it; `annotations` only on the first). Returns the next link not followed.
 */
export function* readJsonCollection(
  dialect: ODataDialect,
  serviceRoot: string,
  url: string,
  each: (items: readonly LosslessJson[], annotations: LosslessObject) => Plan<void>,
  top?: number,
  limit = Infinity
): Plan<string | undefined> {
  let seen = 0;
  let first = true;
  const readPage = function* (pageUrl: string): Plan<PageLink> {
    const page = yield* getJson(pageUrl, dialect);
    const collection = dialect.collectionOf(page);
    if (collection === undefined)
      throw new ConnectorError('RESPONSE_INVALID', `GET ${pageUrl}: the response is not a collection`, {
        url: pageUrl
      });
    const items = top === undefined ? collection.items : collection.items.slice(0, Math.max(0, top - seen));
    seen += items.length;
    yield* each(items, first ? collection.annotations : {});
    first = false;
    return { next: top === undefined || seen < top ? collection.next : undefined, page };
  };
  return yield* followPages(dialect, serviceRoot, url, readPage, limit);
}

/** A next link the caller hands back (process in pages) must be on the service's host, port and protocol. */
export function checkResumeLink(serviceRoot: string, link: string, param: string): string {
  if (!URL.canParse(link))
    throw new ConnectorError('PARAMETER_INVALID', `${param} "${link}" is not an absolute URL`, { target: param });
  const to = new URL(link);
  const root = new URL(serviceRoot);
  if (to.host !== root.host || to.protocol !== root.protocol)
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `${param} ${link} is not on the service's ${root.origin}; not sent, so the credentials do not go there`,
      { target: param }
    );
  return link;
}
