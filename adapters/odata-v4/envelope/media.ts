import {
  attrOf,
  childOf,
  ConnectorError,
  envelopeError,
  refuseStrayText,
  refuseUnknownAttributes,
  type XmlElement
} from '../../../src/sdk';
import { readEntityElements, type EnvelopeEntity } from './entity-envelope';

/** `<Media contentType="image/png" encoding="base64|text">…</Media>`: the media to upload. */
export interface MediaInput {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** `<Media>`: `encoding` is `base64` (default; white space ignored) or `text` (UTF-8). */
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

/** `<Media>` as the root, or `<Request>` with its `<Media>` and (`withEntity`: CreateMediaEntity) an optional `<Entity>`. */
export function readMediaEnvelope(
  envelope: XmlElement | undefined,
  withEntity: boolean
): { media: MediaInput; entity?: EnvelopeEntity } {
  if (envelope?.name === 'Media') return { media: readMedia(envelope) };
  if (envelope !== undefined) {
    refuseUnknownAttributes(envelope, []);
    refuseStrayText(envelope);
  }
  const media = envelope === undefined ? undefined : childOf(envelope, 'Media');
  if (envelope === undefined || media === undefined)
    throw envelopeError(
      'The media operations expect <Request><Media contentType="…" encoding="base64">…</Media></Request>',
      'Request/Media'
    );
  const count = envelope.children.filter(c => c.name === 'Media').length;
  if (count > 1)
    throw envelopeError(`<Request> of a media operation holds one <Media>, found ${count}`, 'Request/Media');
  const others = envelope.children.filter(c => c.name !== 'Media');
  if (others.length === 0) return { media: readMedia(media) };
  if (!withEntity || others.some(c => c.name !== 'Entity') || others.length > 1) {
    throw envelopeError(
      `<Request> of a media operation may only contain <Media>${withEntity ? ' and one <Entity>' : ''}`,
      `Request/${others[0]?.name ?? ''}`
    );
  }
  const [entity] = readEntityElements({ ...envelope, children: others }, 'Entity');
  return { media: readMedia(media), ...(entity === undefined ? {} : { entity }) };
}
