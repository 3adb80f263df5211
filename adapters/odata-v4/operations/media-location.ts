import { ConnectorError, findProperty, type EdmModel, type EdmStructuredType } from '../../../src/sdk';

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
