import type { XmlAttributes, XmlElement, XmlWriter } from '../../../src/sdk';

const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';
const NAMESPACES: Readonly<Record<string, string>> = {
  '': EDM_NS,
  edm: EDM_NS,
  edmx: 'http://docs.oasis-open.org/odata/ns/edmx'
};

// A parsed EDMX document written back, attributes (`sap:label`, xmlns) as written. Without them an element gets its
// namespaces again: `edmx` on the root, CSDL as default on each branch's first unprefixed element (`<Schema>`).
export function writeEdmx(w: XmlWriter, element: XmlElement, declared: ReadonlySet<string> = new Set()): void {
  const { prefix } = element;
  const ns: XmlAttributes = declared.has(prefix)
    ? []
    : [[prefix === '' ? 'xmlns' : `xmlns:${prefix}`, NAMESPACES[prefix]]];
  const own = new Set([...declared, prefix]);
  const name = prefix === '' ? element.name : `${prefix}:${element.name}`;
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
