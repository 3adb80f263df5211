import type { XmlAttributes, XmlElement, XmlWriter } from '../../../src/sdk';

const EDMX_NS = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';
const KNOWN_PREFIXES: Readonly<Record<string, string>> = { edmx: EDMX_NS, edm: EDM_NS };

/**
 * Writes a parsed EDMX document back out, attributes (`sap:label`, namespace declarations) as written. An
 * element built without them gets its namespaces again: `edmx` on the root, the CSDL namespace as default on
 * the first unprefixed element of each branch (the `<Schema>`), as services write it.
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
  // As written when the parser kept them: prefixes (sap:label) and the service's own declarations stay.
  for (const [q] of element.rawAttributes ?? [])
    if (q === 'xmlns' || q.startsWith('xmlns:')) own.add(q === 'xmlns' ? '' : q.slice(6));
  const written = element.rawAttributes ?? Object.entries(element.attributes);
  const attributes: XmlAttributes = [...written, ...ns.filter(([q]) => !written.some(([w]) => w === q))];
  if (element.children.length === 0) {
    w.leaf(name, attributes, element.text);
    return;
  }
  w.open(name, attributes);
  for (const child of element.children) writeEdmx(w, child, own);
  w.close();
}
