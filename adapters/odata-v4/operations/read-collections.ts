import { defineOperation, x4Value, type X4Node } from '../../../src/sdk';
import { isLosslessObject } from '../json/lossless-json';
import { getJsonObject, serviceRootOf } from '../request/http';
import { writeReadOutput, type ReadOutput } from './support';

/**
 * ReadCollections: GET the service document and list its entity sets, singletons and function imports
 * (`name`, `url`, and `kind` only when it is not an EntitySet), as the seed shows.
 */
export const readCollections = defineOperation<Record<string, never>, ReadOutput>({
  description: 'Lists the entity sets, singletons and function imports of the service document',
  envelope: 'none',
  read: () => ({}),
  async execute(_input, ctx) {
    const json = await getJsonObject(ctx, serviceRootOf(String(ctx.params['serviceUrl'])));
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
    return { status: 1, output: { kind: 'collection', annotations, pages: [items] } };
  },
  write: writeReadOutput
});
