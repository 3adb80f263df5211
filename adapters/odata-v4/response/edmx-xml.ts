import type { XmlAttributes, XmlElement, XmlWriter } from '../../../src/sdk';

const EDMX_NS = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';
const KNOWN_PREFIXES: Readonly<Record<string, string>> = { edmx: EDMX_NS, edm: EDM_NS };

/**
 * Writes a parsed EDMX document back out. The parser keeps element prefixes but drops namespace
 * declarations, so they are declared again: the `edmx` prefix on the root, and the CSDL namespace as the
 * default namespace on the first unprefixed element of each branch (the `<Schema>`), as services write it.
 */
export function writeEdmx(w: XmlWriter, element: XmlElement, declared: ReadonlySet<string> = new Set()): void {
  const own = new Set(declared);
  const ns: [string, string | undefined][] = [];
  if (element.prefix !== '' && !own.has(element.prefix)) {
    own.add(element.prefix);
    ns.push([`xmlns:${element.prefix}`, KNOWN_PREFIXES[element.prefix]]);
  }
  if (element.prefix === '' && !own.has('')) {
    own.add('');
    ns.push(['xmlns', EDM_NS]);
  }
  const name = element.prefix === '' ? element.name : `${element.prefix}:${element.name}`;
  const attributes: XmlAttributes = [...Object.entries(element.attributes), ...ns];
  if (element.children.length === 0) {
    w.leaf(name, attributes, element.text);
    return;
  }
  w.open(name, attributes);
  for (const child of element.children) writeEdmx(w, child, own);
  w.close();
}
