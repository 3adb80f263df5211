import { ConnectorError, defineOperation } from '../../../src/sdk';
import { optionalParam, requireParam } from '../params';
import { getSingleJsonObject } from '../request/http';
import type { QueryOptions } from '../request/query-options';
import { entityToX4 } from '../response/typed-x4';
import {
  queryOptionsOf,
  segment,
  serviceOf,
  singleReadQuery,
  singletonType,
  writeReadOutput,
  type ReadOutput
} from './support';

interface Input {
  readonly singleton: string;
  readonly options: QueryOptions;
}

/** ReadSingleton: GET `Singleton` (singletonId; entitySet is accepted as its name too). */
export const readSingleton = defineOperation<Input, ReadOutput>({
  description: 'Reads a singleton (singletonId)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    const singletonId = optionalParam(params, 'singletonId');
    if (singletonId !== undefined && options.entitySet !== undefined && options.entitySet !== singletonId) {
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `<QueryOptions entitySet="${options.entitySet}"> and the parameter singletonId "${singletonId}" name different singletons; give it one way`,
        { target: 'singletonId' }
      );
    }
    return {
      singleton: singletonId ?? options.entitySet ?? requireParam(params, 'singletonId', 'ReadSingleton'),
      options
    };
  },
  async execute({ singleton, options }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const type = singletonType(model, singleton);
    const json = await getSingleJsonObject(ctx, `${root}${segment(singleton)}${singleReadQuery(options)}`);
    return { status: 1, output: { kind: 'node', node: entityToX4(model, type, json) } };
  },
  write: writeReadOutput
});
