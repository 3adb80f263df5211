import {
  findNavigation,
  isEdmPrimitive,
  keysOf,
  toV2AtomValue,
  toV2JsonValue,
  V2_ENTRY_CONTENT_TYPE,
  XmlWriter,
  type EdmModel,
  type EdmProperty,
  type XmlAttributes
} from '../../../src/sdk';
import { propertiesOf, type EntityPayload, type PropertyValue } from '../envelope/entity-payload';
import { entityUri, linkUri } from './resource-path';
import type { V2Service } from './v2-service';

export interface EntityBody {
  readonly body: string;
  readonly contentType: string;
}

interface BodyOptions {
  /** Create/PUT: declared nullable properties absent from the payload are sent as null (SAP CPI rule). */
  readonly absentAsNull: boolean;
  /** Upsert: address every entity that has its key (`__metadata.uri`, Atom `<id>`); SuccessFactors matches on it. */
  readonly withUri?: boolean;
}

// `parentForeignKeys`: those a POST to `Parent(key)/Nav` sets.
export function entityBody(
  service: V2Service,
  entity: EntityPayload,
  absentAsNull: boolean,
  parentForeignKeys: readonly string[] = []
): EntityBody {
  const body =
    service.format === 'atom'
      ? atomEntry(service, entity, { absentAsNull }, service.now().toISOString(), parentForeignKeys)
      : JSON.stringify(jsonEntity(service.model, entity, { absentAsNull }, parentForeignKeys));
  return { body, contentType: V2_ENTRY_CONTENT_TYPE[service.format] };
}

/** The SuccessFactors `upsert` body: one entity, or a JSON array / Atom `<feed>` of several. */
export function upsertBody(service: V2Service, entities: readonly EntityPayload[]): EntityBody {
  const options = { absentAsNull: false, withUri: true };
  if (service.format === 'json') {
    const bodies = entities.map(e => jsonEntity(service.model, e, options));
    return { body: JSON.stringify(bodies.length === 1 ? bodies[0] : bodies), contentType: V2_ENTRY_CONTENT_TYPE.json };
  }
  const updated = service.now().toISOString();
  const entries = entities.map(e => atomEntry(service, e, options, updated));
  if (entries.length === 1) return { body: entries[0] ?? '', contentType: V2_ENTRY_CONTENT_TYPE.atom };
  // each entry declares its own namespaces, so they nest unchanged once their XML declaration is cut off
  const inner = entries.map(e => e.replace(/^<\?xml[^>]*\?>\s*/, '')).join('');
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${inner}</feed>\n`,
    contentType: 'application/atom+xml;type=feed'
  };
}

// Not the foreign keys of a navigation the payload links or deep-inserts, nor `parentForeignKeys` (a
// deep-inserted entity's reference to its parent): a null would undo the binding.
function absentNullProperties(
  model: EdmModel,
  entity: EntityPayload,
  parentForeignKeys: readonly string[]
): EdmProperty[] {
  const skip = new Set([...keysOf(model, entity.type), ...parentForeignKeys, ...entity.properties.map(p => p.name)]);
  for (const bound of [...entity.navigations, ...entity.links]) {
    for (const name of findNavigation(model, entity.type, bound.name)?.foreignKeys ?? []) skip.add(name);
  }
  return propertiesOf(model, entity.type).filter(p => p.nullable && !skip.has(p.name) && isEdmPrimitive(p.type));
}

function parentForeignKeysOf(model: EdmModel, parent: EntityPayload, navigation: string): readonly string[] {
  return findNavigation(model, parent.type, navigation)?.targetForeignKeys ?? [];
}

// Reference links as `{"__metadata":{"uri":"Set(key)"}}` (MS-ODATA binding).
function jsonEntity(
  model: EdmModel,
  entity: EntityPayload,
  options: BodyOptions,
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
    const nested = nav.entities.map(e => jsonEntity(model, e, options, parentForeignKeysOf(model, entity, nav.name)));
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

const D = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
const NAMESPACES: XmlAttributes = [
  ['xmlns', 'http://www.w3.org/2005/Atom'],
  ['xmlns:d', D],
  ['xmlns:m', `${D}/metadata`]
];

// URIs are absolute, as an Atom id and link href name an entity (MS-ODATA, SuccessFactors KBA 3321602):
// a relative href would resolve against the request URL.
function atomEntry(
  service: V2Service,
  entity: EntityPayload,
  options: BodyOptions,
  updated: string,
  parentForeignKeys: readonly string[] = []
): string {
  const { model, root } = service;
  const w = new XmlWriter();
  const writeEntry = (entity: EntityPayload, parentForeignKeys: readonly string[], namespaces: XmlAttributes): void => {
    w.open('entry', namespaces);
    w.leaf('category', [
      ['term', entity.type.qualifiedName],
      ['scheme', `${D}/scheme`]
    ]);
    w.leaf('title').leaf('updated', [], updated).open('author').leaf('name').close();
    const uri = options.withUri === true ? entityUri(model, entity) : undefined;
    w.leaf('id', [], uri === undefined ? undefined : `${root}${uri}`);
    for (const link of entity.links) w.leaf('link', [...linkAttributes(link), ['href', `${root}${linkUri(link)}`]]);
    for (const nav of entity.navigations) {
      w.open('link', linkAttributes(nav)).open('m:inline');
      if (nav.collection) w.open('feed');
      for (const e of nav.entities) writeEntry(e, parentForeignKeysOf(model, entity, nav.name), []);
      if (nav.collection) w.close();
      w.close().close();
    }
    w.open('content', [['type', 'application/xml']]).open('m:properties');
    for (const p of entity.properties) writeProperty(w, p);
    if (options.absentAsNull) {
      for (const declared of absentNullProperties(model, entity, parentForeignKeys))
        writeNull(w, declared.name, declared.type);
    }
    w.close().close().close();
  };
  w.declaration();
  writeEntry(entity, parentForeignKeys, NAMESPACES);
  return w.toString();
}

function linkAttributes({ name, collection }: { name: string; collection: boolean }): XmlAttributes {
  return [
    ['rel', `${D}/related/${name}`],
    ['type', `application/atom+xml;type=${collection ? 'feed' : 'entry'}`],
    ['title', name]
  ];
}

function writeProperty(w: XmlWriter, p: PropertyValue): void {
  const type = p.kind === 'primitive' ? p.type : p.type.qualifiedName;
  if (p.value === null) writeNull(w, p.name, type);
  else if (p.kind === 'primitive') w.leaf(`d:${p.name}`, [['m:type', type]], toV2AtomValue(p.type, p.value));
  else {
    w.open(`d:${p.name}`, [['m:type', type]]);
    for (const member of p.value) writeProperty(w, member);
    w.close();
  }
}

function writeNull(w: XmlWriter, name: string, type: string): void {
  w.leaf(`d:${name}`, [
    ['m:type', type],
    ['m:null', 'true']
  ]);
}
