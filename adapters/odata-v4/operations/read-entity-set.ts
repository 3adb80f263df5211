import { ConnectorError, defineOperation, x4Value, type OperationContext, type X4Node } from '../../../src/sdk';
import { optionalParam, requireParam } from '../params';
import { sendChecked } from '../request/http';
import { buildQueryString, type QueryOptions } from '../request/query-options';
import { readCollection, type CollectionOutput } from '../response/collection-pages';
import { valueToX4 } from '../response/typed-x4';
import { entitySetType, queryOptionsOf, segment, serviceOf, writeReadOutput, type ReadOutput } from './support';

interface Input {
  readonly entitySet: string;
  readonly options: QueryOptions;
}

/**
 * ReadEntitySet: GET `Set?$filter…` with the seed's query options, following `@odata.nextLink` to the end
 * (or until `$top` items). `$count` gives `@odata.count`: all entities matching $filter/$search, whatever
 * $top/$skip/$expand say; when the service leaves it out, `Set/$count` is asked.
 */
export const readEntitySet = defineOperation<Input, ReadOutput>({
  description:
    'Reads an entity set with query options ($filter $search $orderby $select $expand $skip $top $count), following server paging',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    const entitySet =
      options.entitySet ?? optionalParam(params, 'entitySet') ?? requireParam(params, 'entitySet', 'ReadEntitySet');
    return { entitySet, options };
  },
  async execute({ entitySet, options }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const type = entitySetType(model, entitySet);
    const query = buildQueryString(options);
    const url = `${root}${segment(entitySet)}${query === '' ? '' : `?${query}`}`;
    const output = await readCollection(ctx, url, item => valueToX4(model, type.qualifiedName, item), options.top);
    return { status: 1, output: await withCount(ctx, output, `${root}${segment(entitySet)}`, options) };
  },
  write: writeReadOutput
});

/**
 * Adds `@odata.count` when `$count` was asked and the service left it out: `collection/$count` with the same
 * $filter/$search is asked, so the count is never silently missing.
 */
export async function withCount(
  ctx: OperationContext,
  output: CollectionOutput,
  collectionUrl: string,
  options: QueryOptions
): Promise<CollectionOutput> {
  if (!options.count || output.annotations.some(a => a.kind === 'value' && a.name === '@odata.count')) return output;
  const query = buildQueryString(options, ['filter', 'search']);
  const request = {
    method: 'GET',
    url: `${collectionUrl}/$count${query === '' ? '' : `?${query}`}`,
    headers: { accept: 'text/plain' }
  } as const;
  const response = await sendChecked(ctx, request);
  const total = response.body.trim();
  if (!/^\d+$/.test(total))
    throw new ConnectorError('RESPONSE_INVALID', `GET ${request.url} answered "${total.slice(0, 60)}", not a count`, {
      url: request.url
    });
  const count = x4Value('@odata.count', 'Number', total);
  const [context, ...rest] = output.annotations;
  const annotations: X4Node[] = context === undefined ? [count] : [context, count, ...rest];
  return { ...output, annotations };
}
