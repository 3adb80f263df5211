import { defineOperation } from '../../../src/sdk';
import { getSingleJsonObject } from '../request/http';
import { entityToX4 } from '../response/typed-x4';
import {
  entityPath,
  readParamInput,
  serviceOf,
  singleReadQuery,
  writeReadOutput,
  type ParamReadInput,
  type ReadOutput
} from './support';

/** ReadSingleEntity: GET `Set(key)` (entitySet, entityId; optional `<QueryOptions>` with $select/$expand). */
export const readSingleEntity = defineOperation<ParamReadInput, ReadOutput>({
  description: 'Reads one entity by its key (entitySet, entityId)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  read: (envelope, params) => readParamInput(envelope, params, 'ReadSingleEntity'),
  async execute({ entitySet, entityId, options }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const { path, type } = entityPath(model, entitySet, entityId);
    const json = await getSingleJsonObject(ctx, `${root}${path}${singleReadQuery(options)}`);
    return { status: 1, output: { kind: 'node', node: entityToX4(model, type, json) } };
  },
  write: writeReadOutput
});
