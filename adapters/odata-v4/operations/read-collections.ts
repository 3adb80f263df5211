import { defineOperation } from '../../../src/sdk';
import { getJsonObject, serviceRootOf } from '../request/http';
import { serviceDocumentToX4 } from '../response/service-document';
import { writeReadOutput, type ReadOutput } from './support';

/** ReadCollections: GET the service document and list its entity sets, singletons and function imports. */
export const readCollections = defineOperation<Record<string, never>, ReadOutput>({
  description: 'Lists the entity sets, singletons and function imports of the service document',
  envelope: 'none',
  read: () => ({}),
  async execute(_input, ctx) {
    const json = await getJsonObject(ctx, serviceRootOf(String(ctx.params['serviceUrl'])));
    return { status: 1, output: serviceDocumentToX4(json) };
  },
  write: writeReadOutput
});
