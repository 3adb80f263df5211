import {
  findNavigation,
  findProperty,
  keysOf,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty
} from '../../../src/sdk';
import { isLosslessObject, type LosslessJson, type LosslessObject } from '../../../src/sdk';
import { shortTypeName } from '../request/entity-body';

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
    const declared = type === undefined ? undefined : findProperty(model, type, name);
    const nav = type === undefined || declared !== undefined ? undefined : findNavigation(model, type, name);
    const typeName =
      declared?.type ?? (nav === undefined ? undefined : nav.collection ? `Collection(${nav.target})` : nav.target);
    out.push({ ...propertyOf(model, typeName, value), name, ...(keys.includes(name) ? { isId: true } : {}) });
  }
  return out;
}

function propertyOf(model: EdmModel, typeName: string | undefined, value: LosslessJson): EntityProperty {
  const itemType = typeName === undefined ? undefined : /^Collection\((.*)\)$/.exec(typeName)?.[1];
  const shown = shortTypeName(itemType ?? typeName);
  const typed = shown === undefined ? {} : { type: shown };
  if (value === null) return { ...typed, isNull: true };
  if (Array.isArray(value))
    return { ...typed, collection: true, properties: value.map(v => propertyOf(model, itemType, v)) };
  if (isLosslessObject(value)) {
    const structured =
      typeName === undefined ? undefined : (model.complexTypes.get(typeName) ?? model.entityTypes.get(typeName));
    return { ...typed, properties: entityProperties(model, structured, value) };
  }
  const text = String(value);
  return { ...typed, value: typeName === 'Edm.Binary' ? text.replace(/-/g, '+').replace(/_/g, '/') : text };
}

/** The ETag of a returned entity: the `@odata.etag` annotation, else the ETag header. */
export function etagOf(json: LosslessObject | undefined, header: string | undefined): string | undefined {
  const annotated = json?.['@odata.etag'];
  return typeof annotated === 'string' ? annotated : header;
}
