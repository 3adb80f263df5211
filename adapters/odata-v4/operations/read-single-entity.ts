import { queryOptionsOf } from '../envelope/query-options';
import { writeReadOutput } from '../output/read-output';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readEntity } from './read-steps';
import { entityPath } from './targets';

/** ReadSingleEntity: GET `Set(key)` (entitySet, entityId; optional `<QueryOptions>` with $select/$expand). */
export const readSingleEntity = v4.define({
  description: 'Reads one entity by its key (entitySet, entityId)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  model: serviceModel,
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    return {
      entitySet: options.entitySet ?? required(params.entitySet, 'entitySet', 'ReadSingleEntity'),
      entityId: required(params.entityId, 'entityId', 'ReadSingleEntity'),
      options
    };
  },
  plan({ entitySet, entityId, options }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    return readEntity(model, type, `${rootOf(params)}${path}`, options);
  },
  write: writeReadOutput
});
