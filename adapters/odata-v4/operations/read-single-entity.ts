import { getEntity, v4Dialect } from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery } from '../envelope/query-options';
import { writeReadOutput, type ReadOutput } from '../output/read-output';
import { entityToX4 } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4 } from '../params';
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
  *plan({ entitySet, entityId, options }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    const json = yield* getEntity(`${rootOf(params)}${path}${singleReadQuery(options)}`, v4Dialect);
    const output: ReadOutput = { kind: 'node', node: entityToX4(model, type, json) };
    return { status: 1, output };
  },
  write: writeReadOutput
});
