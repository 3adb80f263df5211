import {
  buildQueryOptions,
  ConnectorError,
  getEntity,
  readJsonCollection,
  sendChecked,
  v4Dialect,
  withQuery,
  x4Value,
  type EdmModel,
  type EdmStructuredType,
  type LosslessJson,
  type Outcome,
  type Plan,
  type SystemQueryOptions,
  type X4Node
} from '../../../src/sdk';
import { singleReadQuery } from '../envelope/query-options';
import type { CollectionOutput, ReadOutput } from '../output/read-output';
import { entityToX4, untyped, valueToX4 } from '../output/typed-x4';

/** Reads one entity (or singleton, or to-one navigation target; a 204 is an empty `<Object/>`) with $select/$expand. */
export function* readEntity(
  model: EdmModel,
  type: EdmStructuredType | undefined,
  url: string,
  options: SystemQueryOptions
): Plan<Outcome<ReadOutput>> {
  const json = yield* getEntity(`${url}${singleReadQuery(options)}`, v4Dialect);
  return { status: 1, output: { kind: 'node', node: entityToX4(model, type, json) } };
}

/** Reads a collection of entities with the query options, following server paging, `$count` made good. */
export function* readEntities(
  model: EdmModel,
  itemType: string,
  root: string,
  url: string,
  options: SystemQueryOptions
): Plan<Outcome<ReadOutput>> {
  const query = withQuery(url, buildQueryOptions(options));
  const output = yield* readCollection(root, query, item => valueToX4(model, itemType, item), options.top);
  return { status: 1, output: yield* withCount(output, url, options) };
}

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
  options: SystemQueryOptions
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
