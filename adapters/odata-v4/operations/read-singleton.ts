import { ConnectorError, entityTypeOfSingleton } from '../../../src/sdk';
import { queryOptionsOf } from '../envelope/query-options';
import { writeReadOutput } from '../output/read-output';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readEntity } from './read-steps';
import { segment } from './targets';

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
  plan({ singleton, options }, { params, model }) {
    return readEntity(
      model,
      entityTypeOfSingleton(model, singleton),
      `${rootOf(params)}${segment(singleton)}`,
      options
    );
  },
  write: writeReadOutput
});
