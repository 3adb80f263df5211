import { toV2AtomValue, XmlWriter, type EdmModel } from '../../../src/sdk';
import type { EntityPayload, PropertyValue } from '../envelope/entity-payload';
import { primitiveTypeOf } from '../envelope/model-lookup';
import type { JsonEntityOptions } from './json-entity';
import { entityUri, linkUri } from './resource-path';
import { absentNullProperties, parentForeignKeysOf } from '../envelope/absent-properties';

/** How an Atom entry is written: as JSON, plus the service root its URIs are absolute to. */
export interface AtomEntryOptions extends JsonEntityOptions {
  /** The service root (with a trailing slash); `<id>` and link hrefs are absolute URIs under it. */
  readonly serviceRoot: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const D = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
const M = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata';
const RELATED = `${D}/related/`;
const SCHEME = `${D}/scheme`;

/**
 * Builds an Atom `<entry>` request body: typed `d:` properties (`m:null` for nulls), deep-inserted
 * navigations as `m:inline` feeds/entries and reference links as `<link rel=".../related/Nav" href="…/Set(key)"/>`.
 * An entry carries what its JSON form carries: `withUri` puts the entity's address in `<id>` (JSON:
 * `__metadata.uri`). URIs are absolute, as an Atom id and link href name an entity (MS-ODATA, SuccessFactors
 * KBA 3321602): a relative href would resolve against the request URL (`upsert`, `Categories(1)/Products`).
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
  writeEntry(w, model, entity, options, now, true, parentForeignKeys);
  return w.toString();
}

function writeEntry(
  w: XmlWriter,
  model: EdmModel,
  entity: EntityPayload,
  options: AtomEntryOptions,
  now: Date,
  root: boolean,
  parentForeignKeys: readonly string[]
): void {
  w.open(
    'entry',
    root
      ? [
          ['xmlns', ATOM],
          ['xmlns:d', D],
          ['xmlns:m', M]
        ]
      : []
  );
  w.leaf('category', [
    ['term', entity.type.qualifiedName],
    ['scheme', SCHEME]
  ]);
  w.leaf('title');
  w.leaf('updated', [], now.toISOString());
  w.open('author').leaf('name').close();
  const uri = options.withUri === true ? entityUri(model, entity) : undefined;
  if (uri === undefined) w.leaf('id');
  else w.leaf('id', [], `${options.serviceRoot}${uri}`);
  for (const link of entity.links) {
    w.leaf('link', [
      ['rel', `${RELATED}${link.name}`],
      ['type', `application/atom+xml;type=${link.collection ? 'feed' : 'entry'}`],
      ['title', link.name],
      ['href', `${options.serviceRoot}${linkUri(link)}`]
    ]);
  }
  for (const nav of entity.navigations) {
    w.open('link', [
      ['rel', `${RELATED}${nav.name}`],
      ['type', `application/atom+xml;type=${nav.collection ? 'feed' : 'entry'}`],
      ['title', nav.name]
    ]);
    w.open('m:inline');
    if (nav.collection) w.open('feed');
    for (const e of nav.entities)
      writeEntry(w, model, e, options, now, false, parentForeignKeysOf(model, entity.type, nav.name));
    if (nav.collection) w.close();
    w.close().close();
  }
  w.open('content', [['type', 'application/xml']]).open('m:properties');
  for (const p of entity.properties) writeProperty(w, p);
  if (options.absentAsNull) {
    for (const declared of absentNullProperties(model, entity, parentForeignKeys)) {
      w.leaf(`d:${declared.name}`, [
        ['m:type', primitiveTypeOf(declared) ?? declared.type],
        ['m:null', 'true']
      ]);
    }
  }
  w.close().close();
  w.close();
}

/** Writes one `d:` property (complex ones nested, with their type). */
export function writeProperty(w: XmlWriter, p: PropertyValue): void {
  const type = p.kind === 'primitive' ? p.type : p.type.qualifiedName;
  if (p.value === null) {
    w.leaf(`d:${p.name}`, [
      ['m:type', type],
      ['m:null', 'true']
    ]);
  } else if (p.kind === 'primitive') {
    w.leaf(`d:${p.name}`, [['m:type', type]], toV2AtomValue(p.type, p.value));
  } else if (p.value.length === 0) {
    w.leaf(`d:${p.name}`, [['m:type', type]]);
  } else {
    w.open(`d:${p.name}`, [['m:type', type]]);
    for (const member of p.value) writeProperty(w, member);
    w.close();
  }
}
