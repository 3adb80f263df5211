import { prepareODataTransport, type Connector } from '../../src/sdk';
import { batchOperation } from './operations/batch/batch';
import { createOperation } from './operations/create';
import { deleteOperation } from './operations/delete';
import { functionImportOperation } from './operations/function-import';
import { linkOperation } from './operations/link';
import { readOperation } from './operations/read';
import { updateOperation } from './operations/update';
import { upsertOperation } from './operations/upsert';
import { tunnelMiddleware } from './operations/v2-service';
import { connectionParams } from './params';

export const odataV2: Connector = {
  name: 'odata-v2',
  description:
    'OData V2 (SAP Cloud Integration OData V2 adapter payloads): Read, Create (deep), Update, Merge, Patch, Delete, FunctionImport, Batch, Upsert, Link, Unlink',
  params: connectionParams,
  operations: {
    Read: readOperation,
    Create: createOperation,
    Update: updateOperation('PUT'),
    Merge: updateOperation('MERGE'),
    Patch: updateOperation('PATCH'),
    Delete: deleteOperation,
    FunctionImport: functionImportOperation,
    Batch: batchOperation,
    Upsert: upsertOperation,
    Link: linkOperation('Link'),
    Unlink: linkOperation('Unlink')
  },
  prepareTransport: (transport, params, connection) =>
    prepareODataTransport(transport, params, connection, ...(params.methodTunneling === true ? [tunnelMiddleware] : []))
};
