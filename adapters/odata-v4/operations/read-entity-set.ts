import { withQuery } from '../../../src/sdk';
import { queryOptionsOf } from '../envelope/query-options';
import { buildQueryOptions } from '../../../src/sdk';
import { writeReadOutput } from '../output/read-output';
import { valueToX4 } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readCollection, withCount } from './read-collection';
import { entitySetType, segment } from './targets';

/**
 * ReadEntitySet: GET `Set?$filter…` with the seed's query options, following `@odata.nextLink` to the end
 * (or until `$top` items). `$count` gives `@odata.count`: all entities matching $filter/$search, whatever
 * $top/$skip/$expand say; when the service leaves it out, `Set/$count` is asked.
 */
export const readEntitySet = v4.define({
  description:
    'Reads an entity set with query options ($filter $search $orderby $select $expand $skip $top $count), following server paging',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  model: serviceModel,
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    return { entitySet: options.entitySet ?? required(params.entitySet, 'entitySet', 'ReadEntitySet'), options };
  },
  *plan({ entitySet, options }, { params, model }) {
    const type = entitySetType(model, entitySet);
    const url = `${rootOf(params)}${segment(entitySet)}`;
    const query = withQuery(url, buildQueryOptions(options));
    const output = yield* readCollection(
      rootOf(params),
      query,
      item => valueToX4(model, type.qualifiedName, item),
      options.top
    );
    return { status: 1, output: yield* withCount(output, url, options) };
  },
  write: writeReadOutput
});
