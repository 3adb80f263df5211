import { getJson, v4Dialect } from '../../../src/sdk';
import { writeReadOutput } from '../output/read-output';
import { serviceDocumentToX4 } from '../output/service-document';
import { rootOf, v4 } from '../params';

/** ReadCollections: GET the service document and list its entity sets, singletons and function imports. */
export const readCollections = v4.define({
  description: 'Lists the entity sets, singletons and function imports of the service document',
  envelope: 'none',
  read: () => ({}),
  *plan(_input, { params }) {
    return { status: 1, output: serviceDocumentToX4(yield* getJson(rootOf(params), v4Dialect)) };
  },
  write: writeReadOutput
});
