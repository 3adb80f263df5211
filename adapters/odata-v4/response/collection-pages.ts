import { ConnectorError, type OperationContext, type X4Node } from '../../../src/sdk';
import type { LosslessJson, LosslessObject } from '../../../src/sdk';
import { getJsonObject } from '../request/http';
import { untyped } from './typed-x4';

/** One page of a collection response: its annotations (first page only) and its items. */
export interface CollectionPage {
  readonly annotations: LosslessObject;
  readonly items: readonly LosslessJson[];
}

/** A collection as X4 output: top-level annotations, then the items page by page (so pages can be written as they come). */
export interface CollectionOutput {
  readonly kind: 'collection';
  readonly annotations: readonly X4Node[];
  readonly pages: readonly (readonly X4Node[])[];
}

/** Safety net against a service whose nextLink never ends (a loop); far above any real paging. */
const MAX_PAGES = 100_000;

/**
 * Yields the pages of a collection, following `@odata.nextLink` (relative to the payload's context URL,
 * or absolute; otherwise opaque) until there is none or `top` items have been yielded.
 * Only one page's JSON is held at a time.
 */
export async function* collectionPages(
  ctx: OperationContext,
  firstUrl: string,
  top?: number
): AsyncGenerator<CollectionPage> {
  let url: string | undefined = firstUrl;
  let seen = 0;
  for (let page = 0; url !== undefined; page++) {
    if (page >= MAX_PAGES)
      throw new ConnectorError(
        'RESPONSE_INVALID',
        `Stopped after ${MAX_PAGES} pages: the service keeps sending @odata.nextLink`,
        { url }
      );
    const json = await getJsonObject(ctx, url);
    const value = json['value'];
    if (!Array.isArray(value))
      throw new ConnectorError('RESPONSE_INVALID', `GET ${url}: the response has no "value" array`, { url });
    const room = top === undefined ? value.length : Math.max(0, top - seen);
    const items = value.length > room ? value.slice(0, room) : value;
    seen += items.length;
    const next = json['@odata.nextLink'];
    const annotations: LosslessObject = {};
    if (page === 0) {
      for (const [k, v] of Object.entries(json)) if (k !== 'value' && k !== '@odata.nextLink') annotations[k] = v;
    }
    yield { annotations, items };
    url =
      typeof next === 'string' && (top === undefined || seen < top)
        ? checkedNextLink(next, url, json['@odata.context'])
        : undefined;
  }
}

/**
 * Resolves a nextLink and refuses one that leaves the service's host and port, or drops https: it would be
 * sent with the service's credentials. The read fails rather than ending early as if complete.
 */
function checkedNextLink(next: string, requestUrl: string, context: LosslessJson | undefined): string {
  let resolved: string;
  let to: URL;
  try {
    resolved = resolveNextLink(next, requestUrl, context);
    to = new URL(resolved);
  } catch {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `GET ${requestUrl}: the service's @odata.nextLink "${next}" is not a URL`,
      { url: requestUrl }
    );
  }
  const from = new URL(requestUrl);
  if (
    to.host !== from.host ||
    (from.protocol === 'https:' && to.protocol !== 'https:') ||
    !/^https?:$/.test(to.protocol)
  ) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `GET ${requestUrl}: the service's @odata.nextLink ${next} leads away from ${from.origin}; not followed, so the credentials are not sent there`,
      { url: requestUrl }
    );
  }
  return resolved; // as sent: URL.href would re-encode the quotes of a $skiptoken
}

/** Resolves a nextLink: absolute links are used as sent; relative ones against the context URL's base. */
export function resolveNextLink(next: string, requestUrl: string, context: LosslessJson | undefined): string {
  if (/^https?:\/\//i.test(next)) return next;
  const base = typeof context === 'string' ? new URL(context.replace(/#.*$/, ''), requestUrl).href : requestUrl;
  return new URL(next, base).href;
}

/** Reads a whole collection into X4 output, decoding page by page. */
export async function readCollection(
  ctx: OperationContext,
  url: string,
  decodeItem: (item: LosslessJson) => X4Node,
  top?: number
): Promise<CollectionOutput> {
  let annotations: X4Node[] = [];
  const pages: X4Node[][] = [];
  for await (const page of collectionPages(ctx, url, top)) {
    if (pages.length === 0)
      annotations = Object.entries(page.annotations).map(([k, v]) =>
        untyped(v, k, k === '@odata.count' ? 'Number' : 'String')
      );
    pages.push(page.items.map(decodeItem));
  }
  return { kind: 'collection', annotations, pages };
}
