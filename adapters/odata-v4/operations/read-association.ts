import { ConnectorError, defineOperation, findNavigation } from '../../../src/sdk';
import { requireParam } from '../params';
import { getSingleJsonObject } from '../request/http';
import { readCollection } from '../response/collection-pages';
import { untyped } from '../response/typed-x4';
import { entityPath, segment, serviceOf, writeReadOutput, type ReadOutput } from './support';

interface Input {
  readonly entitySet: string;
  readonly entityId: string;
  readonly association: string;
}

/** ReadAssociation: GET `Set(key)/Nav/$ref`, the references (`@odata.id`) of the related entities; a to-one without a target (204) is `<Object/>`. */
export const readAssociation = defineOperation<Input, ReadOutput>({
  description:
    'Reads the references ($ref) of the entities related through a navigation property (entitySet, entityId, association)',
  envelope: 'none',
  read: (_envelope, params) => ({
    entitySet: requireParam(params, 'entitySet', 'ReadAssociation'),
    entityId: requireParam(params, 'entityId', 'ReadAssociation'),
    association: requireParam(params, 'association', 'ReadAssociation')
  }),
  async execute({ entitySet, entityId, association }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const { path, type } = entityPath(model, entitySet, entityId);
    const nav = findNavigation(model, type, association);
    if (nav === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${type.qualifiedName} has no navigation property "${association}"; its navigation properties: ${[...type.navigation.keys()].join(', ') || '(none)'}`,
        { target: 'association' }
      );
    }
    const url = `${root}${path}/${segment(association)}/$ref`;
    if (nav.collection)
      return { status: 1, output: await readCollection(ctx, url, item => untyped(item, undefined, 'String')) };
    return {
      status: 1,
      output: { kind: 'node', node: untyped(await getSingleJsonObject(ctx, url), undefined, 'String') }
    };
  },
  write: writeReadOutput
});
