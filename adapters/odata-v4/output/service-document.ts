import { isLosslessObject, x4Value, type LosslessObject, type X4Node } from '../../../src/sdk';
import type { CollectionOutput } from './read-output';

/**
 * The service document as one `<Object>` per entry with `name`, `url`, and `kind` unless EntitySet (as the seed
 * prints it). Members that are not strings, and entries that are not objects, are left out rather than guessed at.
 */
export function serviceDocumentToX4(json: LosslessObject): CollectionOutput {
  const context = json['@odata.context'];
  const value = Array.isArray(json['value']) ? json['value'] : [];
  const items: X4Node[] = value.filter(isLosslessObject).map(entry => {
    const members: X4Node[] = [];
    for (const key of ['name', 'url', 'kind'] as const) {
      const v = entry[key];
      if (typeof v === 'string' && !(key === 'kind' && v === 'EntitySet')) members.push(x4Value(key, 'String', v));
    }
    return { kind: 'object', members };
  });
  const annotations = typeof context === 'string' ? [x4Value('@odata.context', 'String', context)] : [];
  return { kind: 'collection', annotations, pages: [items] };
}
