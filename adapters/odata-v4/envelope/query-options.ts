import {
  attrOf,
  buildQueryOptions,
  childrenOf,
  ConnectorError,
  envelopeError,
  refuseStrayText,
  refuseUnknownAttributes,
  refuseValueTwice,
  requireAttr,
  trimmedText,
  withQuery,
  type SystemQueryOptions,
  type XmlElement
} from '../../../src/sdk';

// <QueryOptions>: the system query options of a read, validated before anything is sent.
/** The system query options of `<QueryOptions>`, validated, and the entity set it may name. */
export interface QueryOptions extends SystemQueryOptions {
  readonly entitySet?: string;
}

const TEXT_OPTIONS = ['filter', 'search', 'orderby', 'select', 'expand'] as const;
const OPTION_NAMES = [...TEXT_OPTIONS, 'skip', 'top', 'count', 'format'] as const;

// The connector always reads JSON from the service and answers in X4 XML, so `$format` is never sent; these
// values (the seed's `application/xml` among them) describe formats it already handles.
const FORMATS = /^(application\/(xml|json|atom\+xml)|xml|json|atom)(\s*;.*)?$/i;

/** `<QueryOptions entitySet><Parameter name value>`; a repeated option must repeat its value (or be empty). */
export function readQueryOptions(element: XmlElement | undefined): QueryOptions {
  if (element === undefined) return { count: false };
  const values = new Map<string, string>();
  refuseUnknownAttributes(element, ['entitySet']);
  refuseStrayText(element);
  for (const child of element.children) {
    if (child.name !== 'Parameter')
      throw envelopeError(
        `<QueryOptions> may only contain <Parameter>, found <${child.name}>`,
        `QueryOptions/${child.name}`
      );
    const rawName = requireAttr(child, 'name', 'QueryOptions/Parameter');
    const path = `QueryOptions/Parameter[@name='${rawName}']`;
    const name = rawName.trim().replace(/^\$/, '').toLowerCase();
    if (!(OPTION_NAMES as readonly string[]).includes(name))
      throw envelopeError(
        `Unknown query option "${rawName}"; valid options: ${OPTION_NAMES.map(n => `$${n}`).join(' ')}`,
        path
      );
    const items = itemsOf(child, path);
    const value = items?.filter(t => t !== '').join(',') ?? (attrOf(child, 'value') ?? trimmedText(child)).trim();
    // the seed repeats count, once empty: an empty value never conflicts; two different ones do
    const earlier = values.get(name);
    if (earlier !== undefined && earlier !== '' && value !== '' && earlier !== value)
      throw envelopeError(`$${name} is given twice, as "${earlier}" and as "${value}"; give it once`, path);
    if (value !== '' || earlier === undefined) values.set(name, value);
  }
  const given = (n: string): string | undefined => (values.get(n) === '' ? undefined : values.get(n));
  const invalid = (n: string, why: string): ConnectorError =>
    new ConnectorError('VALUE_INVALID', `$${n} ${why}`, { target: `QueryOptions/Parameter[@name='${n}']` });
  const options: { -readonly [K in keyof QueryOptions]: QueryOptions[K] } = {
    count: values.has('count') && values.get('count')?.toLowerCase() !== 'false'
  };
  if (!/^(|true|false)$/i.test(values.get('count') ?? ''))
    throw invalid('count', `must be true or false, got "${values.get('count')}"`);
  const format = given('format');
  if (format !== undefined && !FORMATS.test(format))
    throw invalid(
      'format',
      `"${format}" is not supported: the connector reads JSON and answers in XML (use application/xml or json)`
    );
  for (const n of TEXT_OPTIONS) if (given(n) !== undefined) options[n] = given(n);
  for (const n of ['skip', 'top'] as const) {
    const v = given(n);
    if (v === undefined) continue;
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
      throw invalid(n, `must be a non-negative integer, got "${v}"`);
    options[n] = Number(v);
  }
  const entitySet = attrOf(element, 'entitySet')?.trim();
  if (entitySet !== undefined && entitySet !== '') options.entitySet = entitySet;
  return options;
}

/** The `<Items>` list of a `<Parameter name value>` (query option or function parameter); undefined when it has none. */
export function itemsOf(p: XmlElement, path: string): string[] | undefined {
  refuseUnknownAttributes(p, ['name', 'value'], path);
  refuseValueTwice(p, path);
  const other = p.children.find(c => c.name !== 'Items');
  if (other !== undefined)
    throw envelopeError(`${path} may only contain <Items>, found <${other.name}>`, `${path}/${other.name}`);
  const items = childrenOf(p, 'Items');
  if (items.length === 0) return undefined;
  refuseStrayText(p, path);
  if (attrOf(p, 'value') !== undefined)
    throw envelopeError(`${path} has both a value and <Items>; give one of them`, path);
  for (const item of items) refuseUnknownAttributes(item, [], `${path}/Items`);
  return items.map(trimmedText);
}

/** Finds `<QueryOptions>` as the root or directly inside `<Request>`; anything else inside is refused. */
export function queryOptionsOf(envelope: XmlElement | undefined): QueryOptions {
  if (envelope === undefined || envelope.name === 'QueryOptions') return readQueryOptions(envelope);
  refuseUnknownAttributes(envelope, []);
  refuseStrayText(envelope);
  const other = envelope.children.find(c => c.name !== 'QueryOptions');
  if (other !== undefined)
    throw envelopeError(
      `<${envelope.name}> may only contain <QueryOptions>, found <${other.name}>`,
      `${envelope.name}/${other.name}`
    );
  if (envelope.children.length > 1)
    throw envelopeError(`<${envelope.name}> may contain only one <QueryOptions>`, `${envelope.name}/QueryOptions`);
  return readQueryOptions(envelope.children[0]);
}

/** The query string for a single-entity read: only $select and $expand apply. */
export function singleReadQuery(options: SystemQueryOptions): string {
  // The others have no meaning on one entity; refusing them beats silently reading without them.
  const first = (['filter', 'search', 'orderby', 'skip', 'top', 'count'] as const).find(n =>
    n === 'count' ? options.count : options[n] !== undefined
  );
  if (first !== undefined)
    throw envelopeError(
      `$${first} does not apply to a single-entity read; only $select and $expand do`,
      `QueryOptions/Parameter[@name='${first}']`
    );
  return withQuery('', buildQueryOptions(options, ['select', 'expand']));
}
