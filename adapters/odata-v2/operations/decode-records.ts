import {
  childOf,
  childrenOf,
  ConnectorError,
  findNavigation,
  findProperty,
  fromV2AtomValue,
  isEdmPrimitive,
  isLosslessObject as isObject,
  isNil,
  parseLosslessJson,
  parseXml,
  v2Dialect,
  type EdmModel,
  type EdmStructuredType,
  type LosslessJson,
  type LosslessObject,
  type XmlElement
} from '../../../src/sdk';
import { propertiesOf } from '../envelope/entity-payload';
import type { EntityRecord, RecordField } from '../output/entity-set-xml';

export interface RecordPage {
  readonly records: readonly EntityRecord[];
  readonly single: boolean;
  readonly count?: string;
  readonly next?: string;
}

// what a request expects, for a body that names no type
type Expected = EdmStructuredType | undefined;

// The body's shape decides, as a `$format` or a server ignoring Accept may answer in the other format.
export function isAtomBody(body: string, format: 'json' | 'atom'): boolean {
  const start = body.trimStart()[0];
  return start === '<' || (start !== '{' && format === 'atom');
}

export function decodeRecords(model: EdmModel, body: string, expected: Expected, format: 'json' | 'atom'): RecordPage {
  return isAtomBody(body, format) ? decodeAtomPage(model, body, expected) : decodeJsonPage(model, body, expected);
}

function parsed<T>(body: string, format: string, parse: (body: string) => T): T {
  try {
    return parse(body);
  } catch (error) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `The service answered with a body that is not ${format}: ${body.slice(0, 200)}`,
      {},
      { cause: error }
    );
  }
}

export const parseJsonBody = (body: string): LosslessJson => parsed(body, 'JSON', parseLosslessJson);

export const parseAtomBody = (body: string): XmlElement => parsed(body, 'XML', parseXml);

function entityRecord(
  type: Expected,
  declared: string | undefined,
  fields: readonly RecordField[],
  etag: string | undefined,
  uri: string | undefined
): EntityRecord {
  const typeName = type?.name ?? declared?.slice(declared.lastIndexOf('.') + 1) ?? 'Entity';
  return { typeName, qualifiedName: type?.qualifiedName, etag, uri, fields };
}

// Every V2 JSON shape real servers send: `{d:{results:[…],__count,__next}}`, the V1 `{d:[…]}`, a single entity
// `{d:{…}}` (also wrongly wrapped as `{d:{results:{…}}}`), and a bare value.
export function unwrapV2Json(json: LosslessJson): Omit<RecordPage, 'records'> & { items: readonly LosslessJson[] } {
  if (!isObject(json) || !('d' in json))
    throw new ConnectorError('RESPONSE_INVALID', 'The JSON response has no "d" member (not OData V2 JSON verbose)');
  const d = json['d'] ?? null;
  if (!isObject(d) && !Array.isArray(d)) return { items: [d], single: true };
  const collection = v2Dialect.collectionOf(json);
  if (collection === undefined) return { items: [v2Dialect.singleOf(json)], single: true };
  const count = collection.annotations['__count'];
  return {
    items: collection.items,
    single: false,
    count: count === undefined || count === null ? undefined : String(count),
    next: collection.next
  };
}

export function decodeJsonPage(model: EdmModel, body: string, expected: Expected): RecordPage {
  const { items, ...page } = unwrapV2Json(parseJsonBody(body));
  return { ...page, records: items.filter(isObject).map(item => decodeJsonEntity(model, item, expected)) };
}

function decodeJsonEntity(model: EdmModel, json: LosslessObject, expected: Expected): EntityRecord {
  const metadata = isObject(json['__metadata']) ? json['__metadata'] : {};
  const text = (value: LosslessJson | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
  const type = model.entityTypes.get(text(metadata['type']) ?? '') ?? expected;
  const fields = decodeJsonMembers(model, json, type, true);
  return entityRecord(type, text(metadata['type']), fields, v2Dialect.etagOf(json), text(metadata['uri']));
}

export function decodeComplex(
  model: EdmModel,
  name: string,
  value: LosslessJson | undefined,
  type: Expected
): RecordField {
  return { kind: 'complex', name, fields: isObject(value) ? decodeJsonMembers(model, value, type, false) : null };
}

// An entity's unexpanded (`__deferred`) navigations are left out.
function decodeJsonMembers(model: EdmModel, json: LosslessObject, type: Expected, entity: boolean): RecordField[] {
  const fields: RecordField[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === '__metadata' || (entity && isObject(value) && '__deferred' in value)) continue;
    const property = type === undefined ? undefined : findProperty(model, type, name);
    const primitive = property !== undefined && isEdmPrimitive(property.type) ? property.type : undefined;
    const navigation =
      entity && type !== undefined && property === undefined ? findNavigation(model, type, name) : undefined;
    const results = isObject(value) ? value['results'] : undefined;
    const entry = isObject(value) && '__metadata' in value; // an expanded to-one entity, when the model says nothing
    if (primitive !== undefined) {
      fields.push({ kind: 'primitive', name, type: primitive, value: v2Dialect.fromJsonValue(primitive, value) });
    } else if (property !== undefined) {
      fields.push(decodeComplex(model, name, value, model.complexTypes.get(property.type)));
    } else if (entity && (navigation !== undefined || Array.isArray(value) || Array.isArray(results) || entry)) {
      const target = navigation === undefined ? undefined : model.entityTypes.get(navigation.target);
      const list = Array.isArray(value) ? value : Array.isArray(results) ? results : value === null ? [] : [value];
      fields.push({
        kind: 'navigation',
        name,
        collection: navigation?.collection ?? !entry,
        entities: list.filter(isObject).map(e => decodeJsonEntity(model, e, target))
      });
    } else if (isObject(value)) {
      fields.push(decodeComplex(model, name, value, undefined));
    } else {
      fields.push({ kind: 'primitive', name, value: value === null ? null : String(value) });
    }
  }
  return fields;
}

const RELATED = 'http://schemas.microsoft.com/ado/2007/08/dataservices/related/';

export function decodeAtomPage(model: EdmModel, body: string, expected: Expected): RecordPage {
  const root = parseAtomBody(body);
  if (root.name === 'entry') return { records: [decodeAtomEntry(model, root, expected)], single: true };
  if (root.name !== 'feed')
    throw new ConnectorError('RESPONSE_INVALID', `Expected an Atom <feed> or <entry>, got <${root.name}>`);
  return {
    records: childrenOf(root, 'entry').map(e => decodeAtomEntry(model, e, expected)),
    single: false,
    count: childOf(root, 'count')?.text?.trim(),
    next: childrenOf(root, 'link').find(l => l.attributes['rel'] === 'next')?.attributes['href']
  };
}

// `content/m:properties`, or `m:properties` for media entries
export function entryProperties(entry: XmlElement): XmlElement | undefined {
  return childOf(childOf(entry, 'content') ?? entry, 'properties') ?? childOf(entry, 'properties');
}

function decodeAtomEntry(model: EdmModel, entry: XmlElement, expected: Expected): EntityRecord {
  const term = childrenOf(entry, 'category').find(c => c.attributes['scheme']?.endsWith('/scheme') === true)
    ?.attributes['term'];
  const type = model.entityTypes.get(term ?? '') ?? expected;
  const fields: RecordField[] = (entryProperties(entry)?.children ?? []).map(p => decodeAtomProperty(model, p, type));
  if (type !== undefined) addSyndicationValues(model, type, entry, fields);
  for (const link of childrenOf(entry, 'link')) {
    const rel = link.attributes['rel'] ?? '';
    const inline = childOf(link, 'inline');
    if (!rel.startsWith(RELATED) || inline === undefined) continue;
    const name = rel.slice(RELATED.length);
    const navigation = type === undefined ? undefined : findNavigation(model, type, name);
    const target = navigation === undefined ? undefined : model.entityTypes.get(navigation.target);
    const feed = childOf(inline, 'feed');
    const entries = feed === undefined ? childrenOf(inline, 'entry').slice(0, 1) : childrenOf(feed, 'entry');
    const entities = entries.map(e => decodeAtomEntry(model, e, target));
    fields.push({ kind: 'navigation', name, collection: navigation?.collection ?? feed !== undefined, entities });
  }
  return entityRecord(type, term, fields, entry.attributes['etag'], childOf(entry, 'id')?.text?.trim());
}

const atomPrimitive = (name: string, type: string | undefined, text: string): RecordField =>
  type !== undefined && isEdmPrimitive(type)
    ? { kind: 'primitive', name, type, value: fromV2AtomValue(type, text) }
    : { kind: 'primitive', name, value: text };

// The declared type wins, then `m:type`, else the text as is.
export function decodeAtomProperty(model: EdmModel, element: XmlElement, owner: Expected): RecordField {
  const { name } = element;
  const property = owner === undefined ? undefined : findProperty(model, owner, name);
  const type = [property?.type, element.attributes['type']].find(t => t !== undefined && isEdmPrimitive(t));
  const complex = model.complexTypes.get(property?.type ?? '');
  if (complex !== undefined || (type === undefined && element.children.length > 0)) {
    const fields = isNil(element) ? null : element.children.map(c => decodeAtomProperty(model, c, complex));
    return { kind: 'complex', name, fields };
  }
  return isNil(element)
    ? { kind: 'primitive', name, type, value: null }
    : atomPrimitive(name, type, element.text ?? '');
}

/** Where feed customisation (`m:FC_TargetPath`) puts a value: `SyndicationAuthorName` is `<author><name>`. */
function syndicationPath(target: string | undefined): string[] | undefined {
  if (!target?.startsWith('Syndication')) return undefined;
  return target
    .slice('Syndication'.length)
    .split(/(?=[A-Z])/)
    .map(step => step.toLowerCase());
}

// Values feed customisation moved out of `m:properties` (`FC_KeepInContent="false"`, ODataDemo's Name → title).
function addSyndicationValues(
  model: EdmModel,
  type: EdmStructuredType,
  entry: XmlElement,
  fields: RecordField[]
): void {
  const declared = propertiesOf(model, type);
  for (const [index, property] of declared.entries()) {
    const path = syndicationPath(property.fcTargetPath);
    if (path === undefined || fields.some(f => f.name === property.name)) continue;
    const element = path.reduce<XmlElement | undefined>((at, step) => at && childOf(at, step), entry);
    if (element === undefined) continue;
    const before = fields.findIndex(f => {
      const i = declared.findIndex(d => d.name === f.name);
      return i > index || i < 0;
    });
    const field = atomPrimitive(property.name, property.type, element.text ?? '');
    fields.splice(before < 0 ? fields.length : before, 0, field);
  }
}
