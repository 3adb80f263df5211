import {
  buildKeyPredicate,
  ConnectorError,
  entityTypeOfSet,
  findProperty,
  keysOf,
  parseEntityId,
  shortTypeName,
  v4Dialect,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty
} from '../../../src/sdk';

/** `Set(key)` from the entitySet and entityId parameters, typed by `$metadata`; `keys` as a report shows them. */
export function entityPath(
  model: EdmModel,
  entitySet: string,
  entityId: string
): { path: string; type: EdmStructuredType; keys: EntityProperty[] } {
  const type = entityTypeOfSet(model, entitySet);
  const names = keysOf(model, type);
  const parts = parseEntityId(entityId, names.length);
  const keys = parts.map((p, i) => {
    const name = p.name ?? names[i] ?? '';
    const t = shortTypeName(type.properties.get(name)?.type);
    return { name, value: p.value, isId: true, ...(t === undefined ? {} : { type: t }) };
  });
  return {
    path: `${encodeURIComponent(entitySet)}${buildKeyPredicate(model, type, parts, 'entityId', v4Dialect)}`,
    type,
    keys
  };
}

/** Where an entity's media lives: `$value` of a media entity (HasStream) or a stream property (`Media`). */
export type MediaLocation =
  { readonly kind: 'media-entity' } | { readonly kind: 'stream-property'; readonly property: string };

/** The mediaProperty parameter (an Edm.Stream property), else `$value` of a HasStream type, else its only stream property. */
export function mediaLocationOf(
  model: EdmModel,
  type: EdmStructuredType,
  mediaProperty: string | undefined
): MediaLocation {
  const streams = [...type.properties.values()].filter(p => p.type === 'Edm.Stream').map(p => p.name);
  const listed = streams.length === 0 ? '' : ` (its stream properties: ${streams.join(', ')})`;
  if (mediaProperty !== undefined) {
    if (findProperty(model, type, mediaProperty)?.type === 'Edm.Stream')
      return { kind: 'stream-property', property: mediaProperty };
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `${type.qualifiedName} has no stream property "${mediaProperty}"${listed}`,
      { target: 'mediaProperty' }
    );
  }
  if (type.hasStream) return { kind: 'media-entity' };
  const [only, ...more] = streams;
  if (only !== undefined && more.length === 0) return { kind: 'stream-property', property: only };
  if (only !== undefined)
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `${type.qualifiedName} has several stream properties; choose one with mediaProperty${listed}`,
      { target: 'mediaProperty' }
    );
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${type.qualifiedName} is not a media entity (no HasStream) and has no Edm.Stream property`,
    { target: 'entitySet' }
  );
}

export function mediaSuffix(location: MediaLocation): string {
  return location.kind === 'media-entity' ? '/$value' : `/${encodeURIComponent(location.property)}`;
}
