import {
  buildKeyPredicate,
  entityTypeOfSet,
  keysOf,
  parseEntityId,
  v4Dialect,
  type EdmModel,
  type EdmStructuredType,
  type KeyPart
} from '../../../src/sdk';

/** `Set(key)` from the entitySet and entityId parameters, typed by `$metadata`. */
export function entityPath(
  model: EdmModel,
  entitySet: string,
  entityId: string
): { path: string; type: EdmStructuredType; parts: KeyPart[] } {
  const type = entityTypeOfSet(model, entitySet);
  const parts = parseEntityId(entityId, keysOf(model, type).length);
  const path = `${encodeURIComponent(entitySet)}${buildKeyPredicate(model, type, parts, 'entityId', v4Dialect)}`;
  return { path, type, parts };
}
