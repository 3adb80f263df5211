import { prepareODataTransport, type Connector } from '../../src/sdk';
import { entityWrites } from './operations/entity-writes';
import { executeFunction } from './operations/function-call';
import { mediaWrites } from './operations/media-writes';
import { readOperations } from './operations/reads';
import { odataV4Params } from './params';

/** The SoftProject X4 OData connector's operations over OData V4 JSON; `$metadata` types every value in and out. */
export const odataV4: Connector = {
  name: 'odata-v4',
  description: 'OData V4 (SoftProject X4 OData connector operations)',
  params: odataV4Params,
  operations: {
    ...readOperations,
    ...entityWrites,
    ...mediaWrites,
    ExecuteFunction: executeFunction
  },
  prepareTransport: prepareODataTransport
};
