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
  if (mediaProperty !== undefined) {
    if (findProperty(model, type, mediaProperty)?.type !== 'Edm.Stream') {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${type.qualifiedName} has no stream property "${mediaProperty}"${streamList(type)}`,
        { target: 'mediaProperty' }
      );
    }
    return { kind: 'stream-property', property: mediaProperty };
  }
  if (type.hasStream) return { kind: 'media-entity' };
  const streams = [...type.properties.values()].filter(p => p.type === 'Edm.Stream');
  const [only] = streams;
  if (streams.length === 1 && only !== undefined) return { kind: 'stream-property', property: only.name };
  if (streams.length > 1)
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `${type.qualifiedName} has several stream properties; choose one with mediaProperty${streamList(type)}`,
      { target: 'mediaProperty' }
    );
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${type.qualifiedName} is not a media entity (no HasStream) and has no Edm.Stream property`,
    { target: 'entitySet' }
  );
}

function streamList(type: EdmStructuredType): string {
  const names = [...type.properties.values()].filter(p => p.type === 'Edm.Stream').map(p => p.name);
  return names.length === 0 ? '' : ` (its stream properties: ${names.join(', ')})`;
}

/** The path suffix of the media: `/$value` or `/<property>`. */
export function mediaSuffix(location: MediaLocation): string {
  return location.kind === 'media-entity' ? '/$value' : `/${encodeURIComponent(location.property)}`;
}
