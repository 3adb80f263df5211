import { envelopeError } from '../errors/connector-error';

/** A parsed XML element. Text is never coerced: "00012" stays "00012", blanks are kept. */
export interface XmlElement {
  /** Local name, namespace prefix removed. */
  readonly name: string;
  /** Prefix as written (`xsi`, `edmx`, …), or '' when unprefixed. */
  readonly prefix: string;
  /** Attributes by local name (prefix removed, `xmlns` declarations dropped). */
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * Every attribute as written, qualified names and namespace declarations included, in document order; set by
   * the parser. For checks of what was written and for writing a document back unchanged.
   */
  readonly rawAttributes?: ReadonlyArray<readonly [string, string]>;
  /** Concatenated character data directly inside the element; undefined when there is none. */
  readonly text: string | undefined;
  readonly children: readonly XmlElement[];
  /**
   * Set by the parser when the element carries `nil="true"` in the XMLSchema-instance namespace, `null="true"`
   * in the OData V2 metadata namespace, or either unprefixed (the X4 output form); a `nil` of any other
   * namespace is an ordinary attribute.
   */
  readonly nullMarked?: boolean;
}

/** Returns the first child of that local name, or undefined. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find(c => c.name === name);
}

/** Returns all children of that local name, in document order. */
export function childrenOf(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(c => c.name === name);
}

/** Returns an attribute value, or undefined. */
export function attrOf(element: XmlElement, name: string): string | undefined {
  return element.attributes[name];
}

/** Returns an attribute value; throws ENVELOPE_INVALID naming element and attribute when it is missing or blank. */
export function requireAttr(element: XmlElement, name: string, path: string = element.name): string {
  const value = element.attributes[name];
  if (value === undefined || value.trim() === '') {
    throw envelopeError(`<${element.name}> needs the attribute "${name}"`, `${path}/@${name}`);
  }
  return value;
}

/** Returns the text of an element with surrounding white space removed ('' when empty). */
export function trimmedText(element: XmlElement): string {
  return (element.text ?? '').trim();
}

/** Returns whether the element carries `xsi:nil="true"` (or `m:null="true"`, the OData V2 Atom form). */
export function isNil(element: XmlElement): boolean {
  return element.nullMarked === true;
}

/**
 * Throws ENVELOPE_INVALID naming the first attribute the reader does not use, so a misspelt one (`valeu`,
 * `isID`) is refused instead of ignored. Null marks (`xsi:nil`, `m:null`, bare `nil`) are always allowed:
 * the parser has already checked their namespace.
 */
export function refuseUnknownAttributes(
  element: XmlElement,
  allowed: readonly string[],
  path: string = element.name
): void {
  for (const qname of writtenAttributeNames(element)) {
    const local = qname.slice(qname.indexOf(':') + 1);
    if (allowed.includes(qname) || local === 'nil' || local === 'null') continue;
    const known = allowed.length === 0 ? 'none' : allowed.join(', ');
    throw envelopeError(
      `${path} has the attribute "${qname}", which is not used here (attributes of <${element.name}>: ${known})`,
      `${path}/@${qname}`
    );
  }
}

/** Throws ENVELOPE_INVALID when an element that holds child elements only has text of its own, which would be ignored. */
export function refuseStrayText(element: XmlElement, path: string = element.name): void {
  const text = (element.text ?? '').trim();
  if (text !== '')
    throw envelopeError(
      `${path} has text "${text.length > 40 ? `${text.slice(0, 40)}…` : text}", which is not used here; values go in attributes or child elements`,
      path
    );
}

/** Throws ENVELOPE_INVALID when a value is given both as the attribute `value` and as text: one would be ignored. */
export function refuseValueTwice(element: XmlElement, path: string = element.name): void {
  if (element.attributes['value'] !== undefined && (element.text ?? '').trim() !== '') {
    throw envelopeError(`${path} has both a value attribute and text; give the value one way`, path);
  }
}

/** The qualified names of the attributes written on an element, namespace declarations left out. */
export function writtenAttributeNames(element: XmlElement): string[] {
  if (element.rawAttributes === undefined) return Object.keys(element.attributes);
  return element.rawAttributes.map(([q]) => q).filter(q => q !== 'xmlns' && !q.startsWith('xmlns:'));
}
