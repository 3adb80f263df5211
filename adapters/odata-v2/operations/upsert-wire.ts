import {
  childOf,
  childrenOf,
  isLosslessObject,
  isNil,
  JsonNumber,
  V2_ENTRY_CONTENT_TYPE,
  type EdmModel,
  type LosslessJson,
  type XmlElement
} from '../../../src/sdk';
import type { EntityPayload } from '../envelope/entity-payload';
import { buildAtomEntry } from './atom-entry';
import { parseAtomBody, parseJsonBody, unwrapV2Json } from './decode-records';
import { buildJsonEntity } from './json-entity';

/**
 * One SuccessFactors UpsertResult: its members as text (`key`, `status`, `editStatus`, `message`, `index`,
 * `httpCode`) and, for a deep upsert, the results of the nested entities (`inlineResults`).
 */
export interface UpsertResult {
  readonly fields: Readonly<Record<string, string | null>>;
  readonly inline: readonly UpsertResult[];
}

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * The body of the SuccessFactors `upsert` call in the chosen wire format: JSON (one object, or an array
 * for several) with `__metadata.uri` so the service matches on the key, or Atom (one `<entry>`, or a
 * `<feed>` of entries for several) with the same address in `<id>`.
 */
export function upsertBody(
  model: EdmModel,
  entities: readonly EntityPayload[],
  format: 'json' | 'atom',
  serviceRoot: string,
  now: Date
): { body: string; contentType: string } {
  if (format === 'json') {
    const bodies = entities.map(e => buildJsonEntity(model, e, { absentAsNull: false, withUri: true }));
    return { body: JSON.stringify(bodies.length === 1 ? bodies[0] : bodies), contentType: V2_ENTRY_CONTENT_TYPE.json };
  }
  const entries = entities.map(e => buildAtomEntry(model, e, { absentAsNull: false, withUri: true, serviceRoot }, now));
  if (entries.length === 1) return { body: entries[0] ?? '', contentType: V2_ENTRY_CONTENT_TYPE.atom };
  // each entry declares its own namespaces, so they nest unchanged once their XML declaration is cut off
  const inner = entries.map(e => e.replace(/^<\?xml[^>]*\?>\s*/, '')).join('');
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="${ATOM}">\n${inner}</feed>\n`,
    contentType: 'application/atom+xml;type=feed'
  };
}

/**
 * Reads the upsert results from a JSON verbose body (`{d:[…]}` / `{d:{results:[…]}}`) or an Atom one:
 * a `<feed>` of entries with `m:properties`, one `<entry>`, or the V2 collection `<d:upsert><d:element>…`.
 * `inlineResults` may be null, a list of results, or wrapped in `results` (JSON) / `element`s (Atom).
 */
export function decodeUpsertResults(body: string, atom: boolean): UpsertResult[] {
  if (!atom) return unwrapV2Json(parseJsonBody(body)).items.flatMap(jsonResults);
  const root = parseAtomBody(body);
  const records = root.name === 'feed' ? childrenOf(root, 'entry') : root.name === 'entry' ? [root] : root.children;
  return records.map(record =>
    atomResult(
      record.name === 'entry'
        ? (childOf(childOf(record, 'content') ?? record, 'properties') ?? childOf(record, 'properties'))
        : record
    )
  );
}

function jsonResults(value: LosslessJson | undefined): UpsertResult[] {
  if (Array.isArray(value)) return value.flatMap(jsonResults);
  if (!isLosslessObject(value)) return [];
  if (!('key' in value) && !('status' in value) && 'results' in value) return jsonResults(value['results']);
  const fields = Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'inlineResults')
      .map(([k, v]) => [k, v === null || (typeof v === 'object' && !(v instanceof JsonNumber)) ? null : String(v)])
  );
  return [{ fields, inline: jsonResults(value['inlineResults']) }];
}

function atomResult(properties: XmlElement | undefined): UpsertResult {
  const members = properties?.children ?? [];
  const fields = Object.fromEntries(
    members
      .filter(p => p.name !== 'inlineResults')
      .map(p => [p.name, isNil(p) || p.children.length > 0 ? null : (p.text ?? '')])
  );
  const inline = members.find(p => p.name === 'inlineResults');
  return { fields, inline: inline === undefined || isNil(inline) ? [] : atomResults(inline) };
}

// <d:inlineResults><d:element><d:key>…</d:key>…</d:element></d:inlineResults>, possibly with one more wrapper level
function atomResults(container: XmlElement): UpsertResult[] {
  return container.children.flatMap(child =>
    child.children.some(c => c.name === 'key' || c.name === 'status') ? [atomResult(child)] : atomResults(child)
  );
}
