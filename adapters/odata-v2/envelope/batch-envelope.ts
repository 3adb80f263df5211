import { childOf, envelopeError, trimmedText, type XmlElement } from '../../../src/sdk';

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

export function readBatchEnvelope(root: XmlElement): BatchItemInput[] {
  if (root.children.length === 0)
    throw envelopeError('<batchParts> is empty; add a <batchChangeSet> or <batchQueryPart>', root.name);
  const counts = new Map<string, number>();
  const pathOf = (parent: string, element: XmlElement): string => {
    const key = `${parent}/${element.name}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return `${key}[${counts.get(key) ?? 0}]`;
  };
  return root.children.map((child): BatchItemInput => {
    const path = pathOf(root.name, child);
    if (child.name === 'batchQueryPart') return { kind: 'query', path, part: readPart(child, path, false) };
    if (child.name !== 'batchChangeSet')
      throw envelopeError(
        `${path}: <batchParts> holds <batchChangeSet> and <batchQueryPart> elements, not <${child.name}>`,
        path
      );
    if (child.children.length === 0) throw envelopeError(`${path}: the changeset has no <batchChangeSetPart>`, path);
    const parts = child.children.map(p => {
      const partPath = pathOf(path, p);
      if (p.name !== 'batchChangeSetPart')
        throw envelopeError(
          `${partPath}: a <batchChangeSet> holds <batchChangeSetPart> elements only, not <${p.name}>`,
          partPath
        );
      return readPart(p, partPath, true);
    });
    return { kind: 'changeset', path, parts };
  });
}

function readPart(element: XmlElement, path: string, change: boolean): BatchPartInput {
  const textOf = (name: string): string | undefined => {
    const child = childOf(element, name);
    return child === undefined ? undefined : trimmedText(child);
  };
  const method = (textOf('method') ?? (change ? undefined : 'GET'))?.toUpperCase();
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
  const uri = textOf('uri') || undefined;
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
  if (uri === undefined && body === undefined) {
    throw envelopeError(
      `${path}: ${method} needs a <uri>${method === 'DELETE' ? ' with the key, e.g. Products(1), or an entity body with the key properties' : ' or an entity body'}`,
      `${path}/uri`
    );
  }
  // the seed's template writes the optional headers as an empty <header><headerName/><headerValue/></header>: skipped
  const headers = (childOf(element, 'headers')?.children ?? [])
    .filter(h => h.name === 'header')
    .flatMap((h, i): Array<readonly [string, string]> => {
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
  const contentId = (textOf('contentId') ?? textOf('Content-ID')) || undefined;
  return {
    path,
    method: method as BatchPartInput['method'],
    headers,
    ...(uri === undefined ? {} : { uri }),
    ...(contentId === undefined ? {} : { contentId }),
    ...(body === undefined ? {} : { body })
  };
}
