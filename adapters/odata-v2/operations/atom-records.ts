import {
  ConnectorError,
  childOf,
  childrenOf,
  findNavigation,
  findProperty,
  fromV2AtomValue,
  isEdmPrimitive,
  isNil,
  parseXml,
  type EdmModel,
  type EdmPrimitiveType,
  type EdmStructuredType,
  type XmlElement
} from '../../../src/sdk';
import { complexTypeOf, entityTypeNamed, primitiveTypeOf, propertiesOf } from '../envelope/model-lookup';
import { type EntityRecord, entityRecord, type RecordField, type RecordPage } from '../output/entity-record';

const RELATED = 'http://schemas.microsoft.com/ado/2007/08/dataservices/related/';

/** Parses an Atom body (with the sdk's pinned parser); throws RESPONSE_INVALID when it is not XML. */
export function parseAtomBody(body: string): XmlElement {
  try {
    return parseXml(body);
  } catch (error) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `The service answered with a body that is not XML: ${body.slice(0, 200)}`,
      {},
      { cause: error }
    );
  }
}

/** Decodes an Atom `<feed>` or `<entry>` into entity records (`m:count`, `<link rel="next">` kept). */
export function decodeAtomPage(model: EdmModel, body: string, expected: EdmStructuredType | undefined): RecordPage {
  const root = parseAtomBody(body);
  if (root.name === 'entry') return { records: [decodeAtomEntry(model, root, expected)], single: true };
  if (root.name !== 'feed')
    throw new ConnectorError('RESPONSE_INVALID', `Expected an Atom <feed> or <entry>, got <${root.name}>`);
  return decodeFeed(model, root, expected);
}

function decodeFeed(model: EdmModel, feed: XmlElement, expected: EdmStructuredType | undefined): RecordPage {
  const count = childOf(feed, 'count')?.text;
  const next = childrenOf(feed, 'link').find(l => l.attributes['rel'] === 'next')?.attributes['href'];
  return {
    records: childrenOf(feed, 'entry').map(e => decodeAtomEntry(model, e, expected)),
    single: false,
    ...(count === undefined ? {} : { count: count.trim() }),
    ...(next === undefined ? {} : { next })
  };
}

/** Decodes one `<entry>`: properties from `content/m:properties` (or `m:properties` for media entries), inline navigations. */
export function decodeAtomEntry(
  model: EdmModel,
  entry: XmlElement,
  expected: EdmStructuredType | undefined
): EntityRecord {
  const term = childrenOf(entry, 'category').find(c => c.attributes['scheme']?.endsWith('/scheme') === true)
    ?.attributes['term'];
  const type = entityTypeNamed(model, term) ?? expected;
  const properties = childOf(childOf(entry, 'content') ?? entry, 'properties') ?? childOf(entry, 'properties');
  const fields: RecordField[] = (properties?.children ?? []).map(p => decodeAtomProperty(model, p, type));
  if (type !== undefined) addSyndicationValues(model, type, entry, fields);
  for (const link of childrenOf(entry, 'link')) {
    const rel = link.attributes['rel'] ?? '';
    const inline = childOf(link, 'inline');
    if (!rel.startsWith(RELATED) || inline === undefined) continue;
    const name = rel.slice(RELATED.length);
    const navigation = type === undefined ? undefined : findNavigation(model, type, name);
    const target = navigation === undefined ? undefined : model.entityTypes.get(navigation.target);
    const feed = childOf(inline, 'feed');
    const single = childOf(inline, 'entry');
    const entities =
      feed !== undefined
        ? childrenOf(feed, 'entry').map(e => decodeAtomEntry(model, e, target))
        : single !== undefined
          ? [decodeAtomEntry(model, single, target)]
          : [];
    fields.push({ kind: 'navigation', name, collection: navigation?.collection ?? feed !== undefined, entities });
  }
  return entityRecord(type, term, fields, entry.attributes['etag'], childOf(entry, 'id')?.text?.trim());
}

/** Decodes one `d:` property; the declared type wins, then `m:type`, else the text as is. */
export function decodeAtomProperty(
  model: EdmModel,
  element: XmlElement,
  owner: EdmStructuredType | undefined
): RecordField {
  const property = owner === undefined ? undefined : findProperty(model, owner, element.name);
  const declared: EdmPrimitiveType | undefined = property === undefined ? undefined : primitiveTypeOf(property);
  const written = element.attributes['type'];
  const type = declared ?? (written !== undefined && isEdmPrimitive(written) ? written : undefined);
  const complex = property === undefined ? undefined : complexTypeOf(model, property);
  if (complex !== undefined || (type === undefined && element.children.length > 0)) {
    if (isNil(element)) return { kind: 'complex', name: element.name, fields: null };
    return {
      kind: 'complex',
      name: element.name,
      fields: element.children.map(c => decodeAtomProperty(model, c, complex))
    };
  }
  if (isNil(element))
    return { kind: 'primitive', name: element.name, ...(type === undefined ? {} : { type }), value: null };
  const text = element.text ?? '';
  return type === undefined
    ? { kind: 'primitive', name: element.name, value: text }
    : { kind: 'primitive', name: element.name, type, value: fromV2AtomValue(type, text) };
}

/** Where V2 feed customisation (`m:FC_TargetPath`) puts a property's value in an Atom entry. */
const SYNDICATION: Readonly<Record<string, readonly string[]>> = {
  SyndicationTitle: ['title'],
  SyndicationSummary: ['summary'],
  SyndicationUpdated: ['updated'],
  SyndicationPublished: ['published'],
  SyndicationRights: ['rights'],
  SyndicationAuthorName: ['author', 'name'],
  SyndicationAuthorEmail: ['author', 'email'],
  SyndicationAuthorUri: ['author', 'uri'],
  SyndicationContributorName: ['contributor', 'name'],
  SyndicationContributorEmail: ['contributor', 'email'],
  SyndicationContributorUri: ['contributor', 'uri']
};

/**
 * Adds the values the service moved out of `m:properties` by feed customisation (`FC_KeepInContent="false"`,
 * e.g. Name → `<title>` in the ODataDemo service), in declaration order.
 */
function addSyndicationValues(
  model: EdmModel,
  type: EdmStructuredType,
  entry: XmlElement,
  fields: RecordField[]
): void {
  const declared = propertiesOf(model, type);
  for (const property of declared) {
    const path = property.fcTargetPath === undefined ? undefined : SYNDICATION[property.fcTargetPath];
    if (path === undefined || fields.some(f => f.name === property.name)) continue;
    let element: XmlElement | undefined = entry;
    for (const step of path) element = element === undefined ? undefined : childOf(element, step);
    if (element === undefined) continue;
    const primitive = primitiveTypeOf(property);
    const text = element.text ?? '';
    const field: RecordField =
      primitive === undefined
        ? { kind: 'primitive', name: property.name, value: text }
        : { kind: 'primitive', name: property.name, type: primitive, value: fromV2AtomValue(primitive, text) };
    const index = declared.indexOf(property);
    const before = fields.findIndex(f => {
      const i = declared.findIndex(d => d.name === f.name);
      return i > index || i < 0;
    });
    fields.splice(before < 0 ? fields.length : before, 0, field);
  }
}
