import {
  isEdmPrimitive,
  itemTypeOf,
  isLosslessObject,
  jsonToX4,
  keysOf,
  memberTypeOf,
  shortTypeName,
  structuredTypeOf,
  v4Dialect,
  x4TypeOfEdm,
  x4Value,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty,
  type LosslessJson,
  type LosslessObject,
  type X4Node,
  type X4ValueType
} from '../../../src/sdk';

const named = <T extends X4Node>(node: T, name: string | undefined): T =>
  name === undefined ? node : { ...node, name };

/** An OData JSON object as an X4 `<Object>`, typed by `$metadata` (or its `@odata.type`); undeclared members by their JSON. */
export function entityToX4(
  model: EdmModel,
  type: EdmStructuredType | undefined,
  json: LosslessObject,
  name?: string
): X4Node {
  const derived = json['@odata.type'];
  const actual = (typeof derived === 'string' ? structuredTypeOf(model, derived.replace(/^#/, '')) : undefined) ?? type;
  const members = Object.entries(json).map(([key, value]) => {
    if (key.includes('@')) return untyped(value, key, key === '@odata.count' ? undefined : 'String');
    const declared = actual === undefined ? undefined : memberTypeOf(model, actual, key);
    return declared === undefined ? jsonToX4(value, key) : valueToX4(model, declared, value, key);
  });
  return named({ kind: 'object', members }, name);
}

/** One value of a declared type (`Edm.Int64`, `NS.Location`, `Collection(…)`); undefined type = typed by its JSON. */
export function valueToX4(model: EdmModel, edmType: string | undefined, value: LosslessJson, name?: string): X4Node {
  if (Array.isArray(value))
    return named({ kind: 'array', items: value.map(v => valueToX4(model, itemTypeOf(edmType), v)) }, name);
  if (value === null) return x4Value(name, 'Null', '');
  if (isLosslessObject(value)) return entityToX4(model, structuredTypeOf(model, edmType), value, name);
  if (edmType !== undefined && isEdmPrimitive(edmType))
    return x4Value(name, x4TypeOfEdm(edmType), v4Dialect.fromJsonValue(edmType, value) ?? '');
  return jsonToX4(value, name);
}

/** JSON with no model behind it (annotations, undeclared properties); `force` types the value when it is a leaf. */
export function untyped(value: LosslessJson, name: string | undefined, force?: X4ValueType): X4Node {
  return jsonToX4(value, name, (_name, leaf) => (leaf === value ? force : undefined));
}

/** An entity as the service returned it, as `<Property isId type value name/>` items typed by `$metadata`. */
export function entityProperties(
  model: EdmModel,
  type: EdmStructuredType | undefined,
  json: LosslessObject
): EntityProperty[] {
  const keys = type === undefined ? [] : keysOf(model, type);
  return Object.entries(json)
    .filter(([name]) => !name.includes('@'))
    .map(([name, value]) => {
      const typeName = type === undefined ? undefined : memberTypeOf(model, type, name);
      return { ...propertyOf(model, typeName, value), name, ...(keys.includes(name) ? { isId: true } : {}) };
    });
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
  // Edm.Binary as base64 (V4 JSON sends base64url)
  const text = typeName !== undefined && isEdmPrimitive(typeName) ? v4Dialect.fromJsonValue(typeName, value) : null;
  return { ...typed, value: text ?? String(value) };
}
