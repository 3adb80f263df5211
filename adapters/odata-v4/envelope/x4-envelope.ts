import {
  attrOf,
  childrenOf,
  ConnectorError,
  envelopeError,
  isNil,
  refuseStrayText,
  refuseUnknownAttributes,
  refuseValueTwice,
  requireAttr,
  type XmlElement
} from '../../../src/sdk';
import { itemsOf } from './query-options';

// The X4 request envelope: <QueryOptions>, <Function>, <Entity> and <Media>, validated before anything is sent.

/** A parameter as written: null for xsi:nil, an array for an `<Items>` list. */
export type ParameterValue = string | null | readonly string[];

export interface FunctionCall {
  readonly name: string;
  readonly parameters: ReadonlyArray<readonly [string, ParameterValue]>;
}

/** Reads `<Request><Function name>` (or a bare `<Function>`; `<Action>` is accepted as a synonym). */
export function readFunctionCall(envelope: XmlElement | undefined): FunctionCall {
  const fn = envelope?.name === 'Function' || envelope?.name === 'Action' ? envelope : envelope?.children[0];
  if (
    envelope === undefined ||
    fn === undefined ||
    (fn.name !== 'Function' && fn.name !== 'Action') ||
    (fn !== envelope && envelope.children.length > 1)
  ) {
    throw envelopeError(
      'ExecuteFunction expects <Request><Function name="…"> with <Parameter name value> children',
      `${envelope?.name ?? 'Request'}/Function`
    );
  }
  const name = requireAttr(fn, 'name', 'Function').trim();
  if (fn !== envelope) refuseUnknownAttributes(envelope, []);
  refuseUnknownAttributes(fn, ['name'], fn.name);
  refuseStrayText(envelope);
  refuseStrayText(fn);
  const parameters = fn.children.map((p, i): readonly [string, ParameterValue] => {
    const pname = attrOf(p, 'name')?.trim();
    if (p.name !== 'Parameter' || pname === undefined || pname === '')
      throw envelopeError(
        `<Function> may only contain <Parameter name="…">; child ${i + 1} is <${p.name}>${p.name === 'Parameter' ? ' without a name' : ''}`,
        `Function/${p.name}[${i + 1}]`
      );
    const path = `${fn.name}/Parameter[@name='${pname}']`;
    if (fn.children.slice(0, i).some(q => attrOf(q, 'name')?.trim() === pname))
      throw envelopeError(`<${fn.name}> names the parameter "${pname}" twice`, path);
    return [pname, itemsOf(p, path) ?? (isNil(p) ? null : (attrOf(p, 'value') ?? p.text ?? ''))];
  });
  return { name, parameters };
}

/** One `<Property>` (or `<Collection>`) of an `<Entity>` envelope, as written, not yet checked against `$metadata`. */
export interface EnvelopeProperty {
  readonly name?: string;
  /** The type as written (`String`, `int32`, `Edm.Guid`, `NS.Location`); `$metadata` decides in the end. */
  readonly type?: string;
  readonly value?: string;
  readonly isId: boolean;
  readonly isNull: boolean;
  /** Members of a complex value; items of a `<Collection name>`. */
  readonly properties?: readonly EnvelopeProperty[];
  readonly items?: readonly EnvelopeProperty[];
  /** Where it is in the envelope, for messages: `Entity[1]/Property[@name='City']`. */
  readonly path: string;
}

export interface EnvelopeEntity {
  readonly entitySet?: string;
  readonly etag?: string;
  readonly properties: readonly EnvelopeProperty[];
  readonly path: string;
}

/** The `<Entity>` (or `<Singleton>`) elements of a `<Request>`; ENVELOPE_INVALID naming anything else. */
export function readEntityElements(root: XmlElement, element: 'Entity' | 'Singleton'): EnvelopeEntity[] {
  const entities: EnvelopeEntity[] = [];
  refuseUnknownAttributes(root, []);
  refuseStrayText(root);
  for (const child of root.children) {
    if (child.name !== element)
      throw envelopeError(
        `<${root.name}> may only contain <${element}> elements, found <${child.name}>`,
        `${root.name}/${child.name}`
      );
    const path = `${element}[${entities.length + 1}]`;
    // X4 writes qualifiedName too; the type comes from `$metadata`, so it is accepted and not read.
    refuseUnknownAttributes(child, ['entitySet', 'qualifiedName', 'etag'], path);
    refuseStrayText(child, path);
    const entitySet = attrOf(child, 'entitySet')?.trim();
    const etag = attrOf(child, 'etag')?.trim();
    entities.push({
      ...(entitySet === undefined || entitySet === '' ? {} : { entitySet }),
      ...(etag === undefined || etag === '' ? {} : { etag }),
      properties: readMembers(child, path, true),
      path
    });
  }
  if (entities.length === 0) throw envelopeError(`<${root.name}> contains no <${element}>`, root.name);
  return entities;
}

function readMembers(parent: XmlElement, path: string, named: boolean): EnvelopeProperty[] {
  const seen = new Set<string>();
  return parent.children.map((child, index) => {
    if (child.name !== 'Property' && child.name !== 'Collection')
      throw envelopeError(
        `<${parent.name}> may only contain <Property> and <Collection>, found <${child.name}>`,
        `${path}/${child.name}`
      );
    const name = attrOf(child, 'name')?.trim();
    if (named && (name === undefined || name === ''))
      throw envelopeError(
        `<${child.name}> number ${index + 1} in ${path} needs the attribute "name"`,
        `${path}/${child.name}[${index + 1}]/@name`
      );
    if (name !== undefined && seen.has(name))
      throw envelopeError(`${path} names the property "${name}" twice`, `${path}/${child.name}[@name='${name}']`);
    if (name === undefined) return readProperty(child, `${path}/${child.name}[${index + 1}]`, name);
    seen.add(name);
    return readProperty(child, `${path}/${child.name}[@name='${name}']`, name);
  });
}

function readProperty(el: XmlElement, path: string, name: string | undefined): EnvelopeProperty {
  refuseUnknownAttributes(el, el.name === 'Collection' ? ['name', 'type'] : ['name', 'value', 'type', 'isId'], path);
  if (el.name === 'Collection' || el.children.length > 0) refuseStrayText(el, path);
  refuseValueTwice(el, path);
  const type = attrOf(el, 'type')?.trim();
  const value = attrOf(el, 'value') ?? (el.children.length === 0 ? el.text : undefined);
  const marked = isNil(el) || /^null$/i.test(type ?? '');
  // null and a value (or members) at once: one of them would be dropped
  if (marked && el.children.length > 0) throw envelopeError(`${path} is marked null but has members`, path);
  if (marked && value !== undefined && value.trim() !== '')
    throw envelopeError(`${path} is marked null but has the value "${value}"`, path);
  const isNull = marked || (value === undefined && el.children.length === 0 && el.name === 'Property');
  const base = {
    ...(name === undefined ? {} : { name }),
    ...(type === undefined || type === '' ? {} : { type }),
    isId: isIdOf(el, path),
    isNull,
    path
  };
  if (el.name === 'Collection') return { ...base, isNull: isNil(el), items: readMembers(el, path, false) };
  if (el.children.length > 0) {
    if (attrOf(el, 'value') !== undefined) throw envelopeError(`${path} has both a value and member properties`, path);
    return { ...base, properties: readMembers(el, path, true) };
  }
  return isNull ? base : { ...base, value: value ?? '' };
}

/** `isId` as X4 writes it (`true`), in any case; anything but true/false is refused rather than read as false. */
function isIdOf(el: XmlElement, path: string): boolean {
  const raw = attrOf(el, 'isId');
  if (raw === undefined || /^\s*false\s*$/i.test(raw)) return false;
  if (/^\s*true\s*$/i.test(raw)) return true;
  throw new ConnectorError('VALUE_INVALID', `${path}: isId="${raw}" must be true or false`, {
    target: `${path}/@isId`
  });
}

export interface MediaInput {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** `<Media contentType="image/png" encoding>`: `base64` (default; white space ignored) or `text` (UTF-8). */
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
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1)
    throw new ConnectorError('VALUE_INVALID', '<Media> content is not valid base64', { target: 'Media' });
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
  const [media, ...more] = envelope === undefined ? [] : childrenOf(envelope, 'Media');
  if (envelope === undefined || media === undefined)
    throw envelopeError(
      'The media operations expect <Request><Media contentType="…" encoding="base64">…</Media></Request>',
      'Request/Media'
    );
  if (more.length > 0)
    throw envelopeError(`<Request> of a media operation holds one <Media>, found ${more.length + 1}`, 'Request/Media');
  const [other, ...others] = envelope.children.filter(c => c.name !== 'Media');
  if (other === undefined) return { media: readMedia(media) };
  if (!withEntity || other.name !== 'Entity' || others.length > 0)
    throw envelopeError(
      `<Request> of a media operation may only contain <Media>${withEntity ? ' and one <Entity>' : ''}`,
      `Request/${other.name}`
    );
  const [entity] = readEntityElements({ ...envelope, children: [other] }, 'Entity');
  return { media: readMedia(media), ...(entity === undefined ? {} : { entity }) };
}
