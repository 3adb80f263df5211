import { envelopeError, keysOf, normalizeV2Value, type EdmModel, type KeyValue } from '../../../src/sdk';
import { keyOfEntity, type EntityPayload } from '../envelope/entity-payload';
import { decodeLenient, splitOutsideQuotes, type ResolvedPath } from './resource-path';

/** `guid'…'`, `datetime'…'`, `'a''b'`: the V2 literal prefixes whose quoted text is the value. */
const PREFIXED = /^(?:guid|datetime|datetimeoffset|time)?'(.*)'$/is;

/**
 * A write to one entity's path (Delete, keyed Update) takes one entity from the envelope, the one the path
 * addresses; an entity without its key properties is addressed by the path alone.
 */
export function checkEntitiesAtPath(
  model: EdmModel,
  path: ResolvedPath,
  resourcePath: string,
  entities: readonly EntityPayload[]
): void {
  const [entity, ...more] = entities;
  if (entity === undefined) return;
  if (more.length > 0)
    throw envelopeError(
      `resourcePath "${resourcePath}" addresses one entity, but the envelope holds ${entities.length}; leave resourcePath empty to address each by its key`,
      path.entitySet
    );
  const keys = keysOf(model, entity.type);
  if (entity.properties.some(p => keys.includes(p.name)))
    checkPathKey(model, path, resourcePath, keyOfEntity(model, entity), entity.path);
}

/**
 * The key in the path's last segment (`(1)`, `(ID=1)`, `(Warehouse='a',Sku='b')`, `(guid'…')`) must be the
 * envelope entity's; compared in canonical form, so `1` and `ID=1`, or `12L` and `12`, match.
 */
export function checkPathKey(
  model: EdmModel,
  path: ResolvedPath,
  resourcePath: string,
  entityKey: readonly KeyValue[],
  target: string
): void {
  const written = path.segments[path.segments.length - 1]?.key;
  const shown = entityKey.map(k => `${k.name}=${k.value}`).join(',');
  if (written === undefined) {
    throw envelopeError(
      `resourcePath "${resourcePath}" has no key predicate to compare with the envelope's key ${shown}; address the entity by its key, e.g. ${path.entitySet}(…)`,
      target
    );
  }
  const keyNames = keysOf(model, path.type);
  const parts = splitOutsideQuotes(written, ',');
  const byName = new Map<string, string>();
  for (const part of parts) {
    const named = /^\s*([A-Za-z_]\w*)\s*=(.*)$/s.exec(part);
    const name = named?.[1] ?? (parts.length === 1 ? keyNames[0] : undefined);
    if (name === undefined)
      throw envelopeError(
        `resourcePath "${resourcePath}": a composite key needs Name=value pairs, got "${part.trim()}"`,
        'resourcePath'
      );
    byName.set(name, named?.[2] ?? part);
  }
  const mismatch = entityKey.some(k => {
    const literal = byName.get(k.name);
    if (literal === undefined) return true;
    const value = normalizeV2Value(k.type, unquote(literal), `resourcePath (key ${k.name})`);
    return k.type === 'Edm.Guid' ? value.toLowerCase() !== k.value.toLowerCase() : value !== k.value;
  });
  if (mismatch || byName.size !== entityKey.length) {
    throw envelopeError(
      `resourcePath "${resourcePath}" addresses the key (${written}), but the envelope's entity has the key ${shown}; they must be the same entity`,
      target
    );
  }
}

function unquote(literal: string): string {
  const t = /%[0-9A-Fa-f]{2}/.test(literal) ? decodeLenient(literal.trim()) : literal.trim();
  const m = PREFIXED.exec(t);
  return m?.[1] === undefined ? t : m[1].replace(/''/g, "'");
}
