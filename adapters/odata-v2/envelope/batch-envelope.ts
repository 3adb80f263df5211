import { childOf, childrenOf, envelopeError, trimmedText, type XmlElement } from '../../../src/sdk';

/** One part of the `<batchParts>` envelope, read structurally (metadata binding comes later). */
export interface BatchPartInput {
  /** Where it sits: `batchParts/batchChangeSet[2]/batchChangeSetPart[1]`. */
  readonly path: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'MERGE' | 'PATCH' | 'DELETE';
  readonly uri?: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly contentId?: string;
  /** The entity body `<EntitySet><EntityType>…</EntityType></EntitySet>`. */
  readonly body?: XmlElement;
}

export type BatchItemInput =
  | { readonly kind: 'query'; readonly path: string; readonly part: BatchPartInput }
  | { readonly kind: 'changeset'; readonly path: string; readonly parts: readonly BatchPartInput[] };

const CHANGE_METHODS = ['POST', 'PUT', 'MERGE', 'PATCH', 'DELETE'] as const;
const PART_ELEMENTS = new Set(['method', 'uri', 'headers', 'contentId', 'Content-ID']);

/**
 * Reads `<batchParts>`: `<batchChangeSet>` elements of `<batchChangeSetPart>` (method, uri, headers,
 * contentId, entity body) and `<batchQueryPart>` elements (GET with uri). Throws ENVELOPE_INVALID naming
 * the element for a part without method, a GET in a changeset, a DELETE without uri or body, or two bodies.
 */
export function readBatchEnvelope(root: XmlElement): BatchItemInput[] {
  const items: BatchItemInput[] = [];
  const counts = new Map<string, number>();
  const pathOf = (parent: string, element: XmlElement): string => {
    const key = `${parent}/${element.name}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return `${key}[${n}]`;
  };
  for (const child of root.children) {
    const path = pathOf(root.name, child);
    if (child.name === 'batchChangeSet') {
      const parts = child.children.map(p => {
        const partPath = pathOf(path, p);
        if (p.name !== 'batchChangeSetPart')
          throw envelopeError(
            `${partPath}: a <batchChangeSet> holds <batchChangeSetPart> elements only, not <${p.name}>`,
            partPath
          );
        return readPart(p, partPath, true);
      });
      if (parts.length === 0) throw envelopeError(`${path}: the changeset has no <batchChangeSetPart>`, path);
      items.push({ kind: 'changeset', path, parts });
    } else if (child.name === 'batchQueryPart') {
      items.push({ kind: 'query', path, part: readPart(child, path, false) });
    } else {
      throw envelopeError(
        `${path}: <batchParts> holds <batchChangeSet> and <batchQueryPart> elements, not <${child.name}>`,
        path
      );
    }
  }
  if (items.length === 0)
    throw envelopeError('<batchParts> is empty; add a <batchChangeSet> or <batchQueryPart>', root.name);
  return items;
}

function readPart(element: XmlElement, path: string, change: boolean): BatchPartInput {
  const methodElement = childOf(element, 'method');
  const method = methodElement === undefined ? (change ? undefined : 'GET') : trimmedText(methodElement).toUpperCase();
  if (method === undefined || method === '')
    throw envelopeError(`${path}: <method> is missing; give POST, PUT, MERGE, PATCH or DELETE`, `${path}/method`);
  if (change && !(CHANGE_METHODS as readonly string[]).includes(method)) {
    throw envelopeError(
      `${path}/method: "${method}" is not allowed in a changeset; use POST, PUT, MERGE, PATCH or DELETE (reads go in <batchQueryPart>)`,
      `${path}/method`
    );
  }
  if (!change && method !== 'GET')
    throw envelopeError(`${path}/method: a <batchQueryPart> only reads (GET), got "${method}"`, `${path}/method`);
  const uriElement = childOf(element, 'uri');
  const uri = uriElement === undefined ? undefined : trimmedText(uriElement);
  const bodies = element.children.filter(c => !PART_ELEMENTS.has(c.name));
  if (bodies.length > 1)
    throw envelopeError(`${path}: one entity body per part, found <${bodies.map(b => b.name).join('>, <')}>`, path);
  const [body] = bodies;
  if (body !== undefined && body.children.length !== 1) {
    throw envelopeError(
      `${path}/${body.name}: each part carries exactly one entity (put further entities in their own <batchChangeSetPart>), found ${body.children.length}`,
      `${path}/${body.name}`
    );
  }
  if ((uri === undefined || uri === '') && body === undefined) {
    throw envelopeError(
      `${path}: ${method} needs a <uri>${method === 'DELETE' ? ' with the key, e.g. Products(1), or an entity body with the key properties' : ' or an entity body'}`,
      `${path}/uri`
    );
  }
  // the seed's template writes the optional headers as an empty <header><headerName/><headerValue/></header>: skipped
  const headers = childrenOf(
    childOf(element, 'headers') ?? { name: '', prefix: '', attributes: {}, text: undefined, children: [] },
    'header'
  ).flatMap((h, i): Array<readonly [string, string]> => {
    const name = trimmedText(childOf(h, 'headerName') ?? h);
    const value = (childOf(h, 'headerValue')?.text ?? '').trim();
    if (name === '' && value === '') return [];
    if (name === '')
      throw envelopeError(
        `${path}/headers/header[${i + 1}]: <headerName> is missing for the value "${value}"`,
        `${path}/headers/header[${i + 1}]`
      );
    return [[name.toLowerCase(), value]];
  });
  const contentIdElement = childOf(element, 'contentId') ?? childOf(element, 'Content-ID');
  const contentId = contentIdElement === undefined ? undefined : trimmedText(contentIdElement);
  return {
    path,
    method: method as BatchPartInput['method'],
    headers,
    ...(uri === undefined || uri === '' ? {} : { uri }),
    ...(contentId === undefined || contentId === '' ? {} : { contentId }),
    ...(body === undefined ? {} : { body })
  };
}
