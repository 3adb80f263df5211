import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConnectorError, envelopeError } from '../errors/connector-error';
import { checkMarkup } from './check-markup';
import type { XmlElement } from './xml-element';

/*
 * The one place fast-xml-parser is configured. Its defaults corrupt envelopes: attributes dropped,
 * "00012" -> 12, "4045.10" -> 4045.1, blanks trimmed, numeric character references left encoded,
 * and a child's shape depending on how many siblings it has. preserveOrder gives one shape always
 * and keeps document order (batch parts and <Property> lists depend on it).
 */
const MAX_DEPTH = 100;
const MARK = '\u0000'; // no XML name holds it
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  processEntities: true,
  htmlEntities: true, // the parser decodes numeric references only in this mode; checkMarkup refuses HTML names first
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  // The parser refuses `__proto__`, `constructor` and `prototype` and renames `toString` & co.; marked names are
  // plain keys to it, and toElement takes the mark off, so every name arrives as written. (It transforms the
  // name of an empty element twice, hence the check.)
  transformTagName: mark,
  transformAttributeName: mark
});

function mark(name: string): string {
  return name.startsWith(MARK) ? name : `${MARK}${name}`;
}

type OrderedNode = Record<string, unknown>;

/**
 * Parses an XML document into an {@link XmlElement} tree.
 * @param xml - The document text.
 * @returns The root element.
 * Throws ENVELOPE_INVALID for malformed XML, a DOCTYPE (entity expansion is refused), or no root element.
 */
export function parseXml(xml: string): XmlElement {
  if (xml.trim() === '') throw envelopeError('The envelope is empty');
  const lone = /\p{Surrogate}/u.exec(xml);
  if (lone !== null) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw envelopeError(`The envelope holds a lone surrogate U+${code} at offset ${lone.index}, which is no character`);
  }
  checkMarkup(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw envelopeError(
      `The envelope is not well-formed XML: ${msg} (line ${line}${col === undefined ? '' : `, column ${col}`})`
    );
  }
  const nodes = parseOrdered(xml);
  const roots = nodes.map(n => toElement(n, DEFAULT_SCOPE)).filter((e): e is XmlElement => e !== undefined);
  const [root, second] = roots;
  if (root === undefined) throw envelopeError('The envelope has no root element');
  if (second !== undefined)
    throw envelopeError(
      `The envelope has more than one root element: <${root.name}>, then <${second.name}>`,
      second.name
    );
  return root;
}

/** {@link parseXml} for a body a service sent: what it cannot read is RESPONSE_INVALID, `what` naming the body. */
export function parseXmlResponse(body: string, what: string): XmlElement {
  try {
    return parseXml(body);
  } catch (cause) {
    const reason = (cause as Error).message.replace(/^The envelope (is )?/, '');
    throw new ConnectorError('RESPONSE_INVALID', `${what} is not XML: ${reason}`, {}, { cause });
  }
}

// What the validator lets through and the parser refuses (a tag cut off, an unclosed comment, deep nesting).
function parseOrdered(xml: string): OrderedNode[] {
  try {
    return parser.parse(xml) as OrderedNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message)) throw envelopeError(`The envelope nests elements more than ${MAX_DEPTH} deep`);
    // the parser's words for a tag cut off name its own function; say what is wrong and where
    const cutOff = /^readTagExp returned undefined at position (\d+)/.exec(message);
    const why =
      cutOff === null ? message.replaceAll(MARK, '') : `a tag is not closed with ">" (at offset ${cutOff[1]})`;
    throw envelopeError(`The envelope is not well-formed XML: ${why}`);
  }
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ODATA_METADATA = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata';
/** Namespace prefixes in scope; `xml` is bound by definition. */
type Scope = ReadonlyMap<string, string>;
const DEFAULT_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

function toElement(node: OrderedNode, outer: Scope): XmlElement | undefined {
  const marked = Object.keys(node).find(k => k.startsWith(MARK));
  if (marked === undefined) return undefined;
  const qname = marked.slice(MARK.length);
  const { prefix, local } = splitName(qname);
  // fromEntries defines own properties: a `__proto__` attribute stays an attribute
  const raw = Object.fromEntries(
    Object.entries((node[':@'] ?? {}) as Record<string, unknown>).map(([k, v]) => [k.slice(MARK.length), v])
  );
  const scope = withDeclarations(outer, raw);
  const rawChildren = node[marked] as OrderedNode[];
  const children: XmlElement[] = [];
  let text: string | undefined;
  for (const child of rawChildren) {
    if ('#text' in child) text = (text ?? '') + String(child['#text']);
    else if ('#cdata' in child) text = (text ?? '') + cdataText(child['#cdata']);
    else {
      const element = toElement(child, scope);
      if (element !== undefined) children.push(element);
    }
  }
  if (children.length > 0 && text !== undefined && text.trim() === '') text = undefined;
  const nullMarked = nullMarkOf(local, raw, scope);
  const rawAttributes = Object.entries(raw).map(([q, v]) => [q, String(v)] as const);
  return {
    name: local,
    prefix,
    attributes: toAttributes(raw),
    rawAttributes,
    text,
    children,
    ...(nullMarked ? { nullMarked } : {})
  };
}

function withDeclarations(outer: Scope, raw: Record<string, unknown>): Scope {
  const declared = Object.entries(raw).filter(([q]) => q.startsWith('xmlns:'));
  if (declared.length === 0) return outer;
  const scope = new Map(outer);
  for (const [q, uri] of declared) scope.set(q.slice(6), String(uri));
  return scope;
}

/** `xsi:nil` / `m:null` by namespace, not by prefix; an undeclared prefix is refused rather than guessed. */
function nullMarkOf(element: string, raw: Record<string, unknown>, scope: Scope): boolean {
  for (const [qname, value] of Object.entries(raw)) {
    const { prefix, local } = splitName(qname);
    if ((local !== 'nil' && local !== 'null') || prefix === 'xmlns') continue;
    const namespace = prefix === '' ? '' : scope.get(prefix);
    if (namespace === undefined) {
      const uri = local === 'nil' ? XSI : ODATA_METADATA;
      throw envelopeError(
        `<${element}> has ${qname}="${String(value)}" but the prefix "${prefix}" is not declared; add xmlns:${prefix}="${uri}"`,
        element
      );
    }
    const marks =
      namespace === '' || (local === 'nil' && namespace === XSI) || (local === 'null' && namespace === ODATA_METADATA);
    if (marks && (value === 'true' || value === '1')) return true;
  }
  return false;
}

function cdataText(value: unknown): string {
  return Array.isArray(value) ? value.map(v => String((v as OrderedNode)['#text'] ?? '')).join('') : String(value);
}

function toAttributes(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([qname]) => qname !== 'xmlns' && !qname.startsWith('xmlns:'))
      .map(([qname, value]) => [splitName(qname).local, String(value)])
  );
}

function splitName(qname: string): { prefix: string; local: string } {
  const colon = qname.indexOf(':');
  return colon < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}
