import { queryOptionsOf } from '../envelope/query-options';
import { writeReadOutput } from '../output/read-output';
import { required, rootOf, serviceModel, v4 } from '../params';
import { readEntities, readEntity } from './read-steps';
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
  plan({ entitySet, entityId, options, navigationProperty }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    const nav = navigationOf(model, type, navigationProperty, 'navigationProperty');
    const url = `${rootOf(params)}${path}/${segment(navigationProperty)}`;
    return nav.collection
      ? readEntities(model, nav.target, rootOf(params), url, options)
      : readEntity(model, model.entityTypes.get(nav.target), url, options);
  },
  write: writeReadOutput
});
