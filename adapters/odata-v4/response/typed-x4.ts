import {
  findNavigation,
  findProperty,
  isEdmPrimitive,
  x4TypeOfEdm,
  x4Value,
  type EdmModel,
  type EdmStructuredType,
  type X4Node,
  type X4ValueType
} from '../../../src/sdk';
import { isLosslessObject, JsonNumber, type LosslessJson, type LosslessObject } from '../../../src/sdk';

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
  if (type === undefined) return untyped(value, key);
  const property = findProperty(model, type, key);
  if (property !== undefined) return valueToX4(model, property.type, value, key);
  const navigation = findNavigation(model, type, key);
  if (navigation !== undefined) {
    return valueToX4(model, navigation.collection ? `Collection(${navigation.target})` : navigation.target, value, key);
  }
  return untyped(value, key);
}

/** Renders one value of a declared type (`Edm.Int64`, `NS.Location`, `Collection(…)`); undefined type = infer from JSON. */
export function valueToX4(model: EdmModel, edmType: string | undefined, value: LosslessJson, name?: string): X4Node {
  const collection = edmType === undefined ? undefined : /^Collection\((.*)\)$/.exec(edmType)?.[1];
  if (Array.isArray(value)) {
    const items = value.map(v => valueToX4(model, collection, v));
    return name === undefined ? { kind: 'array', items } : { kind: 'array', name, items };
  }
  if (value === null) return x4Value(name, 'Null', '');
  if (isLosslessObject(value)) {
    const structured =
      edmType === undefined ? undefined : (model.complexTypes.get(edmType) ?? model.entityTypes.get(edmType));
    return entityToX4(model, structured, value, name);
  }
  if (edmType !== undefined && isEdmPrimitive(edmType))
    return x4Value(name, x4TypeOfEdm(edmType), primitiveText(edmType, value));
  return untyped(value, name);
}

/** The text of a primitive: numbers exactly as sent; Edm.Binary from base64url (V4 JSON) to base64. */
function primitiveText(edmType: string, value: LosslessJson): string {
  const text = String(value);
  return edmType === 'Edm.Binary' && typeof value === 'string' ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
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
  if (typeof t !== 'string') return undefined;
  const name = t.replace(/^#/, '');
  return model.entityTypes.get(name) ?? model.complexTypes.get(name);
}
