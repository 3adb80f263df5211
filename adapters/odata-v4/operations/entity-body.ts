import {
  ConnectorError,
  findProperty,
  isEdmPrimitive,
  itemTypeOf,
  memberTypeOf,
  shortTypeName,
  structuredTypeOf,
  v4Dialect,
  validateEdmFacets,
  type EdmModel,
  type EdmProperty,
  type EdmStructuredType,
  type EntityProperty,
  type JsonOut
} from '../../../src/sdk';
import { checkDeclaredType } from './declared-type';
import type { EnvelopeProperty } from '../envelope/entity-envelope';

/** An envelope's properties checked against `$metadata`: the JSON body to send and the properties as sent (for the report). */
export interface EntityBody {
  readonly json: Record<string, JsonOut>;
  readonly sent: EntityProperty[];
}

/**
 * Converts envelope properties to an OData V4 JSON body, typed by the structured type. A complex value the
 * service flattened (CAP: `Address_Street`) is mapped to the flattened properties. Throws MODEL_MISMATCH naming
 * an undeclared property (and listing the declared ones), VALUE_INVALID for a value that does not fit its type.
 */
export function buildEntityBody(
  model: EdmModel,
  type: EdmStructuredType,
  properties: readonly EnvelopeProperty[],
  skipKeys = false
): EntityBody {
  const json: Record<string, JsonOut> = {};
  const sent: EntityProperty[] = [];
  for (const p of properties) {
    const name = p.name ?? '';
    const declared = findProperty(model, type, name);
    if (skipKeys && p.isId) {
      if (declared !== undefined) checkDeclaredType(p, declared.type, false);
      sent.push(reportOf(p, declared?.type, model));
      continue;
    }
    const typeName = memberTypeOf(model, type, name);
    if (typeName === undefined) {
      const flat = flattened(model, type, p);
      if (flat !== undefined) {
        Object.assign(json, flat.json);
        sent.push(reportOf(p, undefined));
        continue;
      }
      const names = [...allProperties(model, type)].join(', ');
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${p.path}: ${type.qualifiedName} has no property "${name}" (its properties: ${names})`,
        { target: p.path }
      );
    }
    if (declared !== undefined && !declared.nullable && p.isNull) {
      throw new ConnectorError('VALUE_INVALID', `${p.path}: ${name} (${typeName}) may not be null`, { target: p.path });
    }
    json[name] = toJson(model, typeName, p, declared);
    sent.push(reportOf(p, typeName, model));
  }
  return { json, sent };
}

/** Converts one value to JSON for its declared type (primitive, complex, entity, or a collection of them). */
function toJson(model: EdmModel, typeName: string, p: EnvelopeProperty, declared?: EdmProperty): JsonOut {
  const itemType = itemTypeOf(typeName);
  checkDeclaredType(p, typeName, model.complexTypes.has(itemType ?? typeName));
  if (p.isNull) return null;
  if (itemType !== undefined) {
    if (p.items === undefined)
      throw new ConnectorError(
        'VALUE_INVALID',
        `${p.path}: ${p.name ?? ''} is a ${typeName}; write it as <Collection name="${p.name ?? ''}">`,
        { target: p.path }
      );
    return p.items.map(item => toJson(model, itemType, item, declared));
  }
  if (isEdmPrimitive(typeName)) {
    if (p.properties !== undefined || p.items !== undefined) {
      throw new ConnectorError(
        'VALUE_INVALID',
        `${p.path}: ${p.name ?? 'the value'} is a ${typeName}, not a structured value`,
        { target: p.path }
      );
    }
    const json = v4Dialect.toJsonValue(typeName, p.value ?? '', p.path);
    if (declared !== undefined) validateEdmFacets({ ...declared, type: typeName }, p.value ?? '', p.path);
    return json;
  }
  const structured = structuredTypeOf(model, typeName);
  if (structured === undefined)
    throw new ConnectorError('MODEL_MISMATCH', `${p.path}: the type ${typeName} is not declared in $metadata`, {
      target: p.path
    });
  if (p.properties === undefined) {
    throw new ConnectorError(
      'VALUE_INVALID',
      `${p.path}: ${p.name ?? 'the value'} is a ${typeName}; give its members as nested <Property> elements`,
      { target: p.path }
    );
  }
  return buildEntityBody(model, structured, p.properties).json;
}

/** Maps a complex envelope value onto properties the service flattened as `<name>_<member>`; undefined when it does not fit. */
function flattened(
  model: EdmModel,
  type: EdmStructuredType,
  p: EnvelopeProperty,
  prefix = ''
): { json: Record<string, JsonOut> } | undefined {
  if (p.properties === undefined) return undefined;
  const json: Record<string, JsonOut> = {};
  const base = `${prefix}${p.name ?? ''}_`;
  for (const member of p.properties) {
    const flatName = `${base}${member.name ?? ''}`;
    const declared = findProperty(model, type, flatName);
    if (declared !== undefined && isEdmPrimitive(declared.type)) {
      checkDeclaredType(member, declared.type, false);
      json[flatName] = member.isNull ? null : v4Dialect.toJsonValue(declared.type, member.value ?? '', member.path);
      if (!member.isNull) validateEdmFacets(declared, member.value ?? '', member.path);
      continue;
    }
    const nested = flattened(model, type, member, base);
    if (nested === undefined) return undefined;
    Object.assign(json, nested.json);
  }
  return { json };
}

function allProperties(model: EdmModel, type: EdmStructuredType): Set<string> {
  const names = new Set<string>();
  for (
    let t: EdmStructuredType | undefined = type;
    t !== undefined;
    t = t.baseType === undefined ? undefined : (model.entityTypes.get(t.baseType) ?? model.complexTypes.get(t.baseType))
  ) {
    for (const n of t.properties.keys()) names.add(n);
    for (const n of t.navigation.keys()) names.add(n);
  }
  return names;
}

/** An envelope property as it was sent, for `<FailEntities>` and DELETE reports; with the model, complex members are typed as declared. */
export function reportOf(p: EnvelopeProperty, typeName: string | undefined, model?: EdmModel): EntityProperty {
  const itemType = itemTypeOf(typeName);
  const shown = shortTypeName(itemType ?? typeName) ?? p.type;
  const structured = model === undefined ? undefined : structuredTypeOf(model, itemType ?? typeName);
  const memberType = (m: EnvelopeProperty): string | undefined =>
    model === undefined || structured === undefined ? undefined : findProperty(model, structured, m.name ?? '')?.type;
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
