import { defineOperation, x4Value, type OperationContext, type X4Node } from '../../../src/sdk';
import { optionalParam, requireParam } from '../params';
import { sendChecked } from '../request/http';
import { buildQueryString, type QueryOptions } from '../request/query-options';
import { readCollection } from '../response/collection-pages';
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
  description: 'Reads an entity set with query options ($filter $search $orderby $select $expand $skip $top $count), following server paging',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    const entitySet = options.entitySet ?? optionalParam(params, 'entitySet') ?? requireParam(params, 'entitySet', 'ReadEntitySet');
    return { entitySet, options };
  },
  async execute({ entitySet, options }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const type = entitySetType(model, entitySet);
    const query = buildQueryString(options);
    const url = `${root}${segment(entitySet)}${query === '' ? '' : `?${query}`}`;
    const output = await readCollection(ctx, url, item => valueToX4(model, type.qualifiedName, item), options.top);
    if (!options.count || output.annotations.some(a => a.kind === 'value' && a.name === '@odata.count')) return { status: 1, output };
    const count = await countFallback(ctx, `${root}${segment(entitySet)}/$count`, options);
    const [context, ...rest] = output.annotations;
    const annotations: X4Node[] = context === undefined ? [count] : [context, count, ...rest];
    return { status: 1, output: { ...output, annotations } };
  },
  write: writeReadOutput
});

async function countFallback(ctx: OperationContext, url: string, options: QueryOptions): Promise<X4Node> {
  const query = buildQueryString(options, ['filter', 'search']);
  const request = { method: 'GET', url: query === '' ? url : `${url}?${query}`, headers: { accept: 'text/plain' } } as const;
  const response = await sendChecked(ctx, request);
  return x4Value('@odata.count', 'Number', response.body.trim());
}
