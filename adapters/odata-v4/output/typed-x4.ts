import {
  isEdmPrimitive,
  itemTypeOf,
  isLosslessObject,
  JsonNumber,
  memberTypeOf,
  structuredTypeOf,
  v4Dialect,
  x4TypeOfEdm,
  x4Value,
  type EdmModel,
  type EdmStructuredType,
  type LosslessJson,
  type LosslessObject,
  type X4Node,
  type X4ValueType
} from '../../../src/sdk';

/**
 * Turns an OData JSON object into an X4 `<Object>`, typed by `$metadata`: numeric Edm types render as
 * Number (also Int64/Decimal sent as strings), Boolean as Boolean, null as Null, the rest as String;
 * complex values become `<Object name>`, collections `<Array name>`, expanded navigation properties
 * nested objects typed by their target. Properties the model does not declare are typed by their JSON.
 */
export function entityToX4(
  model: EdmModel,
  type: EdmStructuredType | undefined,
  json: LosslessObject,
  name?: string
): X4Node {
  const actual = derivedType(model, json) ?? type;
  const members: X4Node[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('@')) members.push(key === '@odata.count' ? untyped(value, key) : untyped(value, key, 'String'));
    else if (key.includes('@')) members.push(untyped(value, key, 'String'));
    else members.push(propertyToX4(model, actual, key, value));
  }
  return name === undefined ? { kind: 'object', members } : { kind: 'object', name, members };
}

function propertyToX4(model: EdmModel, type: EdmStructuredType | undefined, key: string, value: LosslessJson): X4Node {
  const declared = type === undefined ? undefined : memberTypeOf(model, type, key);
  return declared === undefined ? untyped(value, key) : valueToX4(model, declared, value, key);
}

/** Renders one value of a declared type (`Edm.Int64`, `NS.Location`, `Collection(…)`); undefined type = infer from JSON. */
export function valueToX4(model: EdmModel, edmType: string | undefined, value: LosslessJson, name?: string): X4Node {
  if (Array.isArray(value)) {
    const items = value.map(v => valueToX4(model, itemTypeOf(edmType), v));
    return name === undefined ? { kind: 'array', items } : { kind: 'array', name, items };
  }
  if (value === null) return x4Value(name, 'Null', '');
  if (isLosslessObject(value)) return entityToX4(model, structuredTypeOf(model, edmType), value, name);
  if (edmType !== undefined && isEdmPrimitive(edmType))
    return x4Value(name, x4TypeOfEdm(edmType), v4Dialect.fromJsonValue(edmType, value) ?? '');
  return untyped(value, name);
}

/** Renders JSON with no model behind it (annotations, undeclared properties). */
export function untyped(value: LosslessJson, name: string | undefined, force?: X4ValueType): X4Node {
  if (Array.isArray(value)) {
    const items = value.map(v => untyped(v, undefined));
    return name === undefined ? { kind: 'array', items } : { kind: 'array', name, items };
  }
  if (isLosslessObject(value)) {
    const members = Object.entries(value).map(([k, v]) => untyped(v, k));
    return name === undefined ? { kind: 'object', members } : { kind: 'object', name, members };
  }
  if (value === null) return x4Value(name, 'Null', '');
  const inferred: X4ValueType =
    value instanceof JsonNumber ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
  return x4Value(name, force ?? inferred, String(value));
}

function derivedType(model: EdmModel, json: LosslessObject): EdmStructuredType | undefined {
  const t = json['@odata.type'];
  return typeof t === 'string' ? structuredTypeOf(model, t.replace(/^#/, '')) : undefined;
}
