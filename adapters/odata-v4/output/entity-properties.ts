import {
  isEdmPrimitive,
  isLosslessObject,
  itemTypeOf,
  keysOf,
  memberTypeOf,
  shortTypeName,
  structuredTypeOf,
  v4Dialect,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty,
  type LosslessJson,
  type LosslessObject
} from '../../../src/sdk';

/**
 * Turns an entity as the service returned it into `<Property isId type value name/>` items (nested for
 * complex values, `<Collection>` for collections), typed by `$metadata`. Annotations are left out; Edm.Binary
 * is shown as base64 (V4 JSON sends base64url).
 */
export function entityProperties(
  model: EdmModel,
  type: EdmStructuredType | undefined,
  json: LosslessObject
): EntityProperty[] {
  const keys = type === undefined ? [] : keysOf(model, type);
  const out: EntityProperty[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name.includes('@')) continue;
    const typeName = type === undefined ? undefined : memberTypeOf(model, type, name);
    out.push({ ...propertyOf(model, typeName, value), name, ...(keys.includes(name) ? { isId: true } : {}) });
  }
  return out;
}

function propertyOf(model: EdmModel, typeName: string | undefined, value: LosslessJson): EntityProperty {
  const itemType = itemTypeOf(typeName);
  const shown = shortTypeName(itemType ?? typeName);
  const typed = shown === undefined ? {} : { type: shown };
  if (value === null) return { ...typed, isNull: true };
  if (Array.isArray(value))
    return { ...typed, collection: true, properties: value.map(v => propertyOf(model, itemType, v)) };
  if (isLosslessObject(value))
    return { ...typed, properties: entityProperties(model, structuredTypeOf(model, typeName), value) };
  const text = typeName !== undefined && isEdmPrimitive(typeName) ? v4Dialect.fromJsonValue(typeName, value) : null;
  return { ...typed, value: text ?? String(value) };
}
