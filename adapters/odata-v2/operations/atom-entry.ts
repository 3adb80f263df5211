import { toV2AtomValue, XmlWriter, type EdmModel, type XmlAttributes } from '../../../src/sdk';
import { absentNullProperties, parentForeignKeysOf } from '../envelope/absent-properties';
import type { EntityPayload, PropertyValue } from '../envelope/entity-payload';
import { primitiveTypeOf } from '../envelope/model-lookup';
import type { JsonEntityOptions } from './json-entity';
import { entityUri, linkUri } from './resource-path';

/** How an Atom entry is written: as JSON, plus the service root (with a trailing slash) its URIs are under. */
export interface AtomEntryOptions extends JsonEntityOptions {
  readonly serviceRoot: string;
}

const D = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
const NAMESPACES: XmlAttributes = [
  ['xmlns', 'http://www.w3.org/2005/Atom'],
  ['xmlns:d', D],
  ['xmlns:m', `${D}/metadata`]
];

/**
 * Builds an Atom `<entry>` request body carrying what its JSON form carries: typed `d:` properties (`m:null` for
 * nulls), deep inserts as `m:inline` feeds/entries, reference links as `<link rel=".../related/Nav" href="…"/>`,
 * and with `withUri` the entity's address in `<id>`. URIs are absolute, as an Atom id and link href name an
 * entity (MS-ODATA, SuccessFactors KBA 3321602): a relative href would resolve against the request URL.
 */
export function buildAtomEntry(
  model: EdmModel,
  entity: EntityPayload,
  options: AtomEntryOptions,
  now: Date,
  parentForeignKeys: readonly string[] = []
): string {
  const w = new XmlWriter();
  w.declaration();
  writeEntry(w, model, entity, options, now.toISOString(), parentForeignKeys, NAMESPACES);
  return w.toString();
}

function writeEntry(
  w: XmlWriter,
  model: EdmModel,
  entity: EntityPayload,
  options: AtomEntryOptions,
  updated: string,
  parentForeignKeys: readonly string[],
  namespaces: XmlAttributes = []
): void {
  w.open('entry', namespaces);
  w.leaf('category', [
    ['term', entity.type.qualifiedName],
    ['scheme', `${D}/scheme`]
  ]);
  w.leaf('title').leaf('updated', [], updated).open('author').leaf('name').close();
  const uri = options.withUri === true ? entityUri(model, entity) : undefined;
  w.leaf('id', [], uri === undefined ? undefined : `${options.serviceRoot}${uri}`);
  for (const link of entity.links)
    w.leaf('link', [...linkAttributes(link), ['href', `${options.serviceRoot}${linkUri(link)}`]]);
  for (const nav of entity.navigations) {
    w.open('link', linkAttributes(nav)).open('m:inline');
    if (nav.collection) w.open('feed');
    const foreignKeys = parentForeignKeysOf(model, entity.type, nav.name);
    for (const e of nav.entities) writeEntry(w, model, e, options, updated, foreignKeys);
    if (nav.collection) w.close();
    w.close().close();
  }
  w.open('content', [['type', 'application/xml']]).open('m:properties');
  for (const p of entity.properties) writeProperty(w, p);
  if (options.absentAsNull) {
    for (const declared of absentNullProperties(model, entity, parentForeignKeys))
      writeNull(w, declared.name, primitiveTypeOf(declared) ?? declared.type);
  }
  w.close().close().close();
}

function linkAttributes({ name, collection }: { name: string; collection: boolean }): XmlAttributes {
  return [
    ['rel', `${D}/related/${name}`],
    ['type', `application/atom+xml;type=${collection ? 'feed' : 'entry'}`],
    ['title', name]
  ];
}

/** Writes one `d:` property (complex ones nested, with their type). */
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
