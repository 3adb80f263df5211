import {
  attrOf,
  ConnectorError,
  envelopeError,
  findProperty,
  refuseUnknownAttributes,
  type EdmModel,
  type EdmStructuredType,
  type XmlElement
} from '../../../src/sdk';

/** `<Media contentType="image/png" encoding="base64|text">…</Media>`: the media to upload. */
export interface MediaInput {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads `<Media>` (the root, or inside `<Request>`). `encoding` is `base64` (default; white space ignored)
 * or `text` (UTF-8). Throws ENVELOPE_INVALID without contentType and VALUE_INVALID for bad base64.
 */
export function readMedia(media: XmlElement): MediaInput {
  refuseUnknownAttributes(media, ['contentType', 'encoding']);
  const contentType = attrOf(media, 'contentType')?.trim();
  if (contentType === undefined || contentType === '')
    throw envelopeError('<Media> needs the attribute "contentType" (e.g. image/png)', 'Media/@contentType');
  const encoding = (attrOf(media, 'encoding') ?? 'base64').trim().toLowerCase();
  const text = media.text ?? '';
  if (encoding === 'text') return { contentType, bytes: new Uint8Array(Buffer.from(text, 'utf8')) };
  if (encoding !== 'base64')
    throw envelopeError(`<Media encoding="${encoding}"> is not supported; use base64 or text`, 'Media/@encoding');
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new ConnectorError('VALUE_INVALID', '<Media> content is not valid base64', { target: 'Media' });
  }
  return { contentType, bytes: new Uint8Array(Buffer.from(compact, 'base64')) };
}

/** Where an entity's media lives: `$value` of a media entity (HasStream) or a stream property (`Media`). */
export type MediaLocation =
  { readonly kind: 'media-entity' } | { readonly kind: 'stream-property'; readonly property: string };

/**
 * Picks the media location: the mediaProperty parameter (must be an Edm.Stream property), else `$value` of a
 * HasStream type, else the type's only Edm.Stream property. Throws MODEL_MISMATCH when the type has no media.
 */
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
