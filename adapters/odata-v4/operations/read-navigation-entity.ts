import { ConnectorError, defineOperation, findNavigation } from '../../../src/sdk';
import { requireParam } from '../params';
import { getSingleJsonObject } from '../request/http';
import { buildQueryString } from '../request/query-options';
import { readCollection } from '../response/collection-pages';
import { entityToX4, valueToX4 } from '../response/typed-x4';
import { withCount } from './read-entity-set';
import {
  entityPath,
  readParamInput,
  segment,
  serviceOf,
  singleReadQuery,
  writeReadOutput,
  type ParamReadInput,
  type ReadOutput
} from './support';

interface Input extends ParamReadInput {
  readonly navigationProperty: string;
}

/**
 * ReadNavigationEntity: GET `Set(key)/Nav`. A to-many navigation reads like an entity set (query options,
 * paging); a to-one navigation like a single entity, and a 204 (no target) is an empty `<Object/>`.
 */
export const readNavigationEntity = defineOperation<Input, ReadOutput>({
  description:
    'Reads the entity or entities a navigation property of an entity leads to (entitySet, entityId, navigationProperty)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  read: (envelope, params) => ({
    ...readParamInput(envelope, params, 'ReadNavigationEntity'),
    navigationProperty: requireParam(params, 'navigationProperty', 'ReadNavigationEntity')
  }),
  async execute({ entitySet, entityId, options, navigationProperty }, ctx) {
    const { root, model } = await serviceOf(ctx);
    const { path, type } = entityPath(model, entitySet, entityId);
    const nav = findNavigation(model, type, navigationProperty);
    if (nav === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${type.qualifiedName} has no navigation property "${navigationProperty}"; its navigation properties: ${[...type.navigation.keys()].join(', ') || '(none)'}`,
        { target: 'navigationProperty' }
      );
    }
    const target = model.entityTypes.get(nav.target);
    const url = `${root}${path}/${segment(navigationProperty)}`;
    if (!nav.collection) {
      // A to-one navigation with no target (null) answers 204, like a null singleton.
      const json = await getSingleJsonObject(ctx, `${url}${singleReadQuery(options)}`);
      return { status: 1, output: { kind: 'node', node: entityToX4(model, target, json) } };
    }
    const query = buildQueryString(options);
    const output = await readCollection(
      ctx,
      query === '' ? url : `${url}?${query}`,
      item => valueToX4(model, nav.target, item),
      options.top
    );
    return { status: 1, output: await withCount(ctx, output, url, options) };
  },
  write: writeReadOutput
});
