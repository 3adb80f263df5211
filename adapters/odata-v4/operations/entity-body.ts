import {
  ConnectorError,
  findProperty,
  isEdmPrimitive,
  isLosslessObject,
  itemTypeOf,
  jsonToX4,
  keysOf,
  memberTypeOf,
  normalizeEdmType,
  shortTypeName,
  structuredTypeOf,
  v4Dialect,
  validateEdmFacets,
  x4TypeOfEdm,
  x4Value,
  type EdmModel,
  type EdmProperty,
  type EdmStructuredType,
  type EntityProperty,
  type JsonOut,
  type LosslessJson,
  type LosslessObject,
  type X4Node,
  type X4ValueType
} from '../../../src/sdk';
import type { EnvelopeProperty } from '../envelope/x4-envelope';

/** The V4 JSON body of envelope properties; a complex value the service flattened (CAP: `Address_Street`) goes to the flattened properties. */
export function buildEntityBody(
  model: EdmModel,
  type: EdmStructuredType,
  properties: readonly EnvelopeProperty[],
  skipKeys = false
): { json: Record<string, JsonOut>; sent: EntityProperty[] } {
  const json: Record<string, JsonOut> = {};
  const sent: EntityProperty[] = [];
  for (const p of properties) {
    const name = p.name ?? '';
    const declared = findProperty(model, type, name);
    const key = skipKeys && p.isId;
    const typeName = key ? declared?.type : memberTypeOf(model, type, name);
    if (key) {
      if (declared !== undefined) checkDeclaredType(p, declared.type, false);
    } else if (typeName === undefined) {
      const flat = flattened(model, type, p);
      if (flat === undefined) throw undeclared(model, type, p);
      Object.assign(json, flat);
    } else {
      if (declared !== undefined && !declared.nullable && p.isNull)
        throw new ConnectorError('VALUE_INVALID', `${p.path}: ${name} (${typeName}) may not be null`, {
          target: p.path
        });
      json[name] = toJson(model, typeName, p, declared);
    }
    sent.push(reportOf(p, typeName, model));
  }
  return { json, sent };
}

/** One value as JSON for its declared type (primitive, complex, entity, or a collection of them). */
function toJson(model: EdmModel, typeName: string, p: EnvelopeProperty, declared?: EdmProperty): JsonOut {
  const itemType = itemTypeOf(typeName);
  checkDeclaredType(p, typeName, model.complexTypes.has(itemType ?? typeName));
  const misshapen = (how: string): ConnectorError =>
    new ConnectorError('VALUE_INVALID', `${p.path}: ${p.name ?? 'the value'} is a ${typeName}${how}`, {
      target: p.path
    });
  if (p.isNull) return null;
  if (itemType !== undefined) {
    if (p.items === undefined) throw misshapen(`; write it as <Collection name="${p.name ?? ''}">`);
    return p.items.map(item => toJson(model, itemType, item, declared));
  }
  if (isEdmPrimitive(typeName)) {
    if (p.properties !== undefined || p.items !== undefined) throw misshapen(', not a structured value');
    const json = v4Dialect.toJsonValue(typeName, p.value ?? '', p.path);
    if (declared !== undefined) validateEdmFacets({ ...declared, type: typeName }, p.value ?? '', p.path);
    return json;
  }
  const structured = structuredTypeOf(model, typeName);
  if (structured === undefined)
    throw new ConnectorError('MODEL_MISMATCH', `${p.path}: the type ${typeName} is not declared in $metadata`, {
      target: p.path
    });
  if (p.properties === undefined) throw misshapen('; give its members as nested <Property> elements');
  return buildEntityBody(model, structured, p.properties).json;
}

/** A complex envelope value mapped onto properties the service flattened as `<name>_<member>`; undefined when it does not fit. */
function flattened(
  model: EdmModel,
  type: EdmStructuredType,
  p: EnvelopeProperty,
  prefix = ''
): Record<string, JsonOut> | undefined {
  if (p.properties === undefined) return undefined;
  const json: Record<string, JsonOut> = {};
  const base = `${prefix}${p.name ?? ''}_`;
  for (const member of p.properties) {
    const flatName = `${base}${member.name ?? ''}`;
    const declared = findProperty(model, type, flatName);
    const nested =
      declared !== undefined && isEdmPrimitive(declared.type)
        ? { [flatName]: toJson(model, declared.type, member, declared) }
        : flattened(model, type, member, base);
    if (nested === undefined) return undefined;
    Object.assign(json, nested);
  }
  return json;
}

function undeclared(model: EdmModel, type: EdmStructuredType, p: EnvelopeProperty): ConnectorError {
  const names = new Set<string>();
  for (let t: EdmStructuredType | undefined = type; t !== undefined; t = structuredTypeOf(model, t.baseType))
    for (const n of [...t.properties.keys(), ...t.navigation.keys()]) names.add(n);
  return new ConnectorError(
    'MODEL_MISMATCH',
    `${p.path}: ${type.qualifiedName} has no property "${p.name ?? ''}" (its properties: ${[...names].join(', ')})`,
    { target: p.path }
  );
}

// A `type` contradicting `$metadata` means another model. It fits as the same Edm type in any spelling, as the X4
// class (`Number`: output fed back as input), for complex types as the simple name in any namespace (X4's TripPin).
// Entity types (deep inserts) are not compared.
function checkDeclaredType(p: EnvelopeProperty, typeName: string, isComplex: boolean): void {
  const claim = p.type;
  if (claim === undefined || /^null$/i.test(claim)) return;
  const declared = itemTypeOf(typeName) ?? typeName;
  const claimed = itemTypeOf(claim) ?? claim;
  const primitive = normalizeEdmType(claimed);
  const simpleName = (qualified: string): string => qualified.slice(qualified.lastIndexOf('.') + 1);
  const fits = declared.startsWith('Edm.')
    ? (primitive !== undefined && x4TypeOfEdm(primitive) === x4TypeOfEdm(declared)) ||
      claimed.toLowerCase() === x4TypeOfEdm(declared).toLowerCase()
    : !isComplex || (primitive === undefined && simpleName(claimed) === simpleName(declared));
  if (fits) return;
  const known = primitive !== undefined || /^number$/i.test(claimed) || claimed.includes('.');
  const why = known
    ? ''
    : ` ("${claimed}" is neither an Edm type such as Int32 or String, nor Number, nor a qualified type name)`;
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${p.path}: type="${claim}" does not fit ${p.name ?? 'the value'}, which $metadata declares as ${typeName}${why}`,
    { target: `${p.path}/@type` }
  );
}

/** An envelope property as sent, for `<FailEntities>` and DELETE reports; complex members typed as declared. */
function reportOf(p: EnvelopeProperty, typeName: string | undefined, model: EdmModel): EntityProperty {
  const itemType = itemTypeOf(typeName);
  const shown = shortTypeName(itemType ?? typeName) ?? p.type;
  const structured = structuredTypeOf(model, itemType ?? typeName);
  const memberType = (m: EnvelopeProperty): string | undefined =>
    structured === undefined ? undefined : findProperty(model, structured, m.name ?? '')?.type;
  return {
    ...(p.name === undefined ? {} : { name: p.name }),
    ...(shown === undefined ? {} : { type: shown }),
    ...(p.value === undefined ? {} : { value: p.value }),
    ...(p.isId ? { isId: true } : {}),
    ...(p.isNull ? { isNull: true } : {}),
    ...(p.items !== undefined ? { collection: true, properties: p.items.map(i => reportOf(i, itemType, model)) } : {}),
    ...(p.properties !== undefined ? { properties: p.properties.map(m => reportOf(m, memberType(m), model)) } : {})
  };
}

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
