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
  const type = entityTypeOfSet(model, entitySet);
  const parts = parseEntityId(entityId, keysOf(model, type).length);
  return { path: `${segment(entitySet)}${buildKeyPredicate(model, type, parts, 'entityId', v4Dialect)}`, type };
}
