import {
  attrOf,
  buildQueryOptions,
  childrenOf,
  ConnectorError,
  envelopeError,
  isNil,
  refuseStrayText,
  refuseUnknownAttributes,
  refuseValueTwice,
  requireAttr,
  trimmedText,
  withQuery,
  type SystemQueryOptions,
  type XmlElement
} from '../../../src/sdk';

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
    if (child.name !== 'Parameter') {
      throw envelopeError(
        `<QueryOptions> may only contain <Parameter>, found <${child.name}>`,
        `QueryOptions/${child.name}`
      );
    }
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
  if (first !== undefined) {
    throw envelopeError(
      `$${first} does not apply to a single-entity read; only $select and $expand do`,
      `QueryOptions/Parameter[@name='${first}']`
    );
  }
  return withQuery('', buildQueryOptions(options, ['select', 'expand']));
}

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
    if (p.name !== 'Parameter' || pname === undefined || pname === '') {
      throw envelopeError(
        `<Function> may only contain <Parameter name="…">; child ${i + 1} is <${p.name}>${p.name === 'Parameter' ? ' without a name' : ''}`,
        `Function/${p.name}[${i + 1}]`
      );
    }
    const path = `${fn.name}/Parameter[@name='${pname}']`;
    if (fn.children.slice(0, i).some(q => attrOf(q, 'name')?.trim() === pname))
      throw envelopeError(`<${fn.name}> names the parameter "${pname}" twice`, path);
    return [pname, itemsOf(p, path) ?? (isNil(p) ? null : (attrOf(p, 'value') ?? p.text ?? ''))];
  });
  return { name, parameters };
}
