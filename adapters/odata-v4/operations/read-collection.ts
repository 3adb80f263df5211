import {
  ConnectorError,
  readJsonCollection,
  sendChecked,
  v4Dialect,
  x4Value,
  type LosslessJson,
  type Plan,
  withQuery,
  type X4Node
} from '../../../src/sdk';
import { type QueryOptions } from '../envelope/query-options';
import { buildQueryOptions } from '../../../src/sdk';
import type { CollectionOutput } from '../output/read-output';
import { untyped } from '../output/typed-x4';

/** Reads a whole collection into X4 output, following server paging, decoding page by page. */
export function* readCollection(
  root: string,
  url: string,
  decodeItem: (item: LosslessJson) => X4Node,
  top?: number
): Plan<CollectionOutput> {
  let annotations: X4Node[] = [];
  const pages: X4Node[][] = [];
  const each = (items: readonly LosslessJson[], first: Readonly<Record<string, LosslessJson>>): void => {
    if (pages.length === 0)
      annotations = Object.entries(first).map(([k, v]) => untyped(v, k, k === '@odata.count' ? 'Number' : 'String'));
    pages.push(items.map(decodeItem));
  };
  yield* readJsonCollection(v4Dialect, root, url, each, top);
  return { kind: 'collection', annotations, pages };
}

/**
 * Adds `@odata.count` when `$count` was asked and the service left it out: `collection/$count` with the same
 * $filter/$search is asked, so the count is never silently missing.
 */
export function* withCount(
  output: CollectionOutput,
  collectionUrl: string,
  options: QueryOptions
): Plan<CollectionOutput> {
  if (!options.count || output.annotations.some(a => a.kind === 'value' && a.name === '@odata.count')) return output;
  const url = withQuery(`${collectionUrl}/$count`, buildQueryOptions(options, ['filter', 'search']));
  const response = yield* sendChecked({ method: 'GET', url, headers: { accept: 'text/plain' } });
  const total = response.body.trim();
  if (!/^\d+$/.test(total))
    throw new ConnectorError('RESPONSE_INVALID', `GET ${url} answered "${total.slice(0, 60)}", not a count`, { url });
  const count = x4Value('@odata.count', 'Number', total);
  const [context, ...rest] = output.annotations;
  return { ...output, annotations: context === undefined ? [count] : [context, count, ...rest] };
}
