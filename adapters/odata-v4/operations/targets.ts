import {
  buildKeyPredicate,
  ConnectorError,
  entityTypeOfSet,
  findNavigation,
  keysOf,
  parseEntityId,
  v4Dialect,
  type EdmModel,
  type EdmNavigationProperty,
  type EdmStructuredType
} from '../../../src/sdk';

/** The entity type of an entity set; MODEL_MISMATCH listing the sets when the name is a singleton or unknown. */
export function entitySetType(model: EdmModel, entitySet: string): EdmStructuredType {
  if (!model.entitySets.has(entitySet)) {
    const hint = model.singletons.has(entitySet)
      ? ` ("${entitySet}" is a singleton: use the singleton operations)`
      : '';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no entity set "${entitySet}"${hint}; its entity sets: ${[...model.entitySets.keys()].join(', ')}`,
      { target: entitySet }
    );
  }
  return entityTypeOfSet(model, entitySet);
}

/** The entity type of a singleton; MODEL_MISMATCH listing the singletons when unknown. */
export function singletonType(model: EdmModel, singleton: string): EdmStructuredType {
  if (!model.singletons.has(singleton)) {
    const list = [...model.singletons.keys()];
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no singleton "${singleton}"; its singletons: ${list.length === 0 ? '(none)' : list.join(', ')}`,
      { target: singleton }
    );
  }
  return entityTypeOfSet(model, singleton);
}

/** A navigation property of a type; MODEL_MISMATCH listing the type's navigation properties when unknown. */
export function navigationOf(
  model: EdmModel,
  type: EdmStructuredType,
  name: string,
  param: string
): EdmNavigationProperty {
  const nav = findNavigation(model, type, name);
  if (nav !== undefined) return nav;
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${type.qualifiedName} has no navigation property "${name}"; its navigation properties: ${[...type.navigation.keys()].join(', ') || '(none)'}`,
    { target: param }
  );
}

/** A path segment for an entity set, singleton or property name. */
export function segment(name: string): string {
  return encodeURIComponent(name);
}

/** `Set(key)` from the entitySet and entityId parameters, typed by `$metadata`. */
export function entityPath(
  model: EdmModel,
  entitySet: string,
  entityId: string
): { path: string; type: EdmStructuredType } {
  const type = entitySetType(model, entitySet);
  const parts = parseEntityId(entityId, keysOf(model, type).length);
  return { path: `${segment(entitySet)}${buildKeyPredicate(model, type, parts, 'entityId', v4Dialect)}`, type };
}
