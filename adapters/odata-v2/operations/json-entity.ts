import { toV2JsonValue, type EdmModel } from '../../../src/sdk';
import type { EntityPayload, PropertyValue } from '../envelope/entity-payload';
import { entityUri, linkUri } from './resource-path';
import { absentNullProperties, parentForeignKeysOf } from '../envelope/absent-properties';

export interface JsonEntityOptions {
  /** Create/PUT: declared nullable properties absent from the payload are sent as null (SAP CPI rule). */
  readonly absentAsNull: boolean;
  /** Upsert: address every entity that has its key with `__metadata.uri` (SuccessFactors matches on it). */
  readonly withUri?: boolean;
}

/**
 * Builds the V2 JSON verbose body of an entity: typed values, deep-inserted navigations (to-one as an
 * object, to-many as an array) and reference links as `{"__metadata":{"uri":"Set(key)"}}` (MS-ODATA binding).
 */
export function buildJsonEntity(
  model: EdmModel,
  entity: EntityPayload,
  options: JsonEntityOptions,
  parentForeignKeys: readonly string[] = []
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const uri = options.withUri === true ? entityUri(model, entity) : undefined;
  if (uri !== undefined) body['__metadata'] = { uri };
  for (const p of entity.properties) body[p.name] = jsonValue(p);
  if (options.absentAsNull) {
    for (const declared of absentNullProperties(model, entity, parentForeignKeys)) body[declared.name] = null;
  }
  for (const nav of entity.navigations) {
    const nested = nav.entities.map(e =>
      buildJsonEntity(model, e, options, parentForeignKeysOf(model, entity.type, nav.name))
    );
    body[nav.name] = nav.collection ? nested : (nested[0] ?? null);
  }
  for (const link of entity.links) {
    const ref = { __metadata: { uri: linkUri(link) } };
    const existing = body[link.name];
    body[link.name] = !link.collection ? ref : [...(Array.isArray(existing) ? (existing as unknown[]) : []), ref];
  }
  return body;
}

function jsonValue(p: PropertyValue): unknown {
  if (p.value === null) return null;
  if (p.kind === 'primitive') return toV2JsonValue(p.type, p.value);
  return Object.fromEntries(p.value.map(m => [m.name, jsonValue(m)]));
}
