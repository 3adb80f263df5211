import {
  buildKeyPredicate,
  entityTypeOfSet,
  keysOf,
  parseEntityId,
  shortTypeName,
  v4Dialect,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty,
  type KeyPart
} from '../../../src/sdk';

/** `Set(key)` from the entitySet and entityId parameters, typed by `$metadata`; `keys` as a report shows them. */
export function entityPath(
  model: EdmModel,
  entitySet: string,
  entityId: string
): { path: string; type: EdmStructuredType; keys: EntityProperty[] } {
  const type = entityTypeOfSet(model, entitySet);
  const parts = parseEntityId(entityId, keysOf(model, type).length);
  const path = `${encodeURIComponent(entitySet)}${buildKeyPredicate(model, type, parts, 'entityId', v4Dialect)}`;
  return { path, type, keys: keyProperties(model, type, parts) };
}

function keyProperties(model: EdmModel, type: EdmStructuredType, parts: readonly KeyPart[]): EntityProperty[] {
  const names = keysOf(model, type);
  return parts.map((p, i) => {
    const name = p.name ?? names[i] ?? '';
    const t = shortTypeName(type.properties.get(name)?.type);
    return { name, value: p.value, isId: true, ...(t === undefined ? {} : { type: t }) };
  });
}
