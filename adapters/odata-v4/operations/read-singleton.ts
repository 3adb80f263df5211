import { ConnectorError, getEntity, v4Dialect } from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery } from '../envelope/query-options';
import { writeReadOutput, type ReadOutput } from '../output/read-output';
import { entityToX4 } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4 } from '../params';
import { segment, singletonType } from './targets';

/** ReadSingleton: GET `Singleton` (singletonId; entitySet is accepted as its name too). */
export const readSingleton = v4.define({
  description: 'Reads a singleton (singletonId)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  model: serviceModel,
  read(envelope, { singletonId }) {
    const options = queryOptionsOf(envelope);
    if (singletonId !== undefined && options.entitySet !== undefined && options.entitySet !== singletonId) {
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `<QueryOptions entitySet="${options.entitySet}"> and the parameter singletonId "${singletonId}" name different singletons; give it one way`,
        { target: 'singletonId' }
      );
    }
    return { singleton: singletonId ?? required(options.entitySet, 'singletonId', 'ReadSingleton'), options };
  },
  *plan({ singleton, options }, { params, model }) {
    const type = singletonType(model, singleton);
    const json = yield* getEntity(`${rootOf(params)}${segment(singleton)}${singleReadQuery(options)}`, v4Dialect);
    const output: ReadOutput = { kind: 'node', node: entityToX4(model, type, json) };
    return { status: 1, output };
  },
  write: writeReadOutput
});
