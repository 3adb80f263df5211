import { entityTypeOfSet } from '../../../src/sdk';
import { queryOptionsOf } from '../envelope/query-options';
import { writeReadOutput } from '../output/read-output';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readEntities } from './read-steps';
import { segment } from './targets';

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
  plan({ entitySet, options }, { params, model }) {
    const type = entityTypeOfSet(model, entitySet);
    return readEntities(model, type.qualifiedName, rootOf(params), `${rootOf(params)}${segment(entitySet)}`, options);
  },
  write: writeReadOutput
});
