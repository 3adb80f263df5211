import { getEntity, v4Dialect } from '../../../src/sdk';
import { writeReadOutput, type ReadOutput } from '../output/read-output';
import { untyped } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readCollection } from './read-steps';
import { entityPath, navigationOf, segment } from './targets';

const NAME = 'ReadAssociation';

/** ReadAssociation: GET `Set(key)/Nav/$ref`, the references (`@odata.id`) of the related entities; a to-one without a target (204) is `<Object/>`. */
export const readAssociation = v4.define({
  description:
    'Reads the references ($ref) of the entities related through a navigation property (entitySet, entityId, association)',
  envelope: 'none',
  model: serviceModel,
  read: (_envelope, params) => ({
    entitySet: required(params.entitySet, 'entitySet', NAME),
    entityId: required(params.entityId, 'entityId', NAME),
    association: required(params.association, 'association', NAME)
  }),
  *plan({ entitySet, entityId, association }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    const nav = navigationOf(model, type, association, 'association');
    const url = `${rootOf(params)}${path}/${segment(association)}/$ref`;
    const output: ReadOutput = nav.collection
      ? yield* readCollection(rootOf(params), url, item => untyped(item, undefined, 'String'))
      : { kind: 'node', node: untyped(yield* getEntity(url, v4Dialect), undefined, 'String') };
    return { status: 1, output };
  },
  write: writeReadOutput
});
