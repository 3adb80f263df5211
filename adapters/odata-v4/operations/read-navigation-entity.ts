import { getEntity, v4Dialect, withQuery } from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery } from '../envelope/query-options';
import { buildQueryOptions } from '../../../src/sdk';
import { writeReadOutput, type ReadOutput } from '../output/read-output';
import { entityToX4, valueToX4 } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readCollection, withCount } from './read-collection';
import { entityPath, navigationOf, segment } from './targets';

const NAME = 'ReadNavigationEntity';

/**
 * ReadNavigationEntity: GET `Set(key)/Nav`. A to-many navigation reads like an entity set (query options,
 * paging); a to-one navigation like a single entity, and a 204 (no target) is an empty `<Object/>`.
 */
export const readNavigationEntity = v4.define({
  description:
    'Reads the entity or entities a navigation property of an entity leads to (entitySet, entityId, navigationProperty)',
  envelope: 'optional',
  roots: ['Request', 'QueryOptions'],
  model: serviceModel,
  read(envelope, params) {
    const options = queryOptionsOf(envelope);
    return {
      entitySet: options.entitySet ?? required(params.entitySet, 'entitySet', NAME),
      entityId: required(params.entityId, 'entityId', NAME),
      navigationProperty: required(params.navigationProperty, 'navigationProperty', NAME),
      options
    };
  },
  *plan({ entitySet, entityId, options, navigationProperty }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    const nav = navigationOf(model, type, navigationProperty, 'navigationProperty');
    const url = `${rootOf(params)}${path}/${segment(navigationProperty)}`;
    if (!nav.collection) {
      // A to-one navigation with no target (null) answers 204, like a null singleton.
      const json = yield* getEntity(`${url}${singleReadQuery(options)}`, v4Dialect);
      const output: ReadOutput = { kind: 'node', node: entityToX4(model, model.entityTypes.get(nav.target), json) };
      return { status: 1, output };
    }
    const query = withQuery(url, buildQueryOptions(options));
    const output = yield* readCollection(
      rootOf(params),
      query,
      item => valueToX4(model, nav.target, item),
      options.top
    );
    return { status: 1, output: yield* withCount(output, url, options) };
  },
  write: writeReadOutput
});
