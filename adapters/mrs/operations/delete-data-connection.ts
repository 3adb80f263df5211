import { property } from '../../../src/sdk';
import { checkConnectorId, DATA_CONNECTOR_SET } from '../data-connector-envelope';
import { mrsOperation } from '../mrs-connection';

/** DeleteDataConnection: `DELETE /v2/{project_id}/data-connectors/{connector_id}`; any 2xx → status 1. */
export const deleteDataConnection = mrsOperation.define({
  description: 'Deletes an MRS data connection',
  params: { connectorId: { type: 'string', required: true, description: 'Data connection ID to delete' } },
  envelope: 'none',
  method: 'DELETE',
  path: '/v2/{projectId}/data-connectors/{connectorId}',
  read: params => checkConnectorId(params.connectorId),
  result: {
    kind: 'entity',
    entitySet: DATA_CONNECTOR_SET,
    keys: (_, params) => [property('connector_id', params.connectorId, 'String', true)],
    // The API documents no response body; a result other than "succeed", when one is sent, is a failure.
    accept: ({ result }) =>
      result === undefined || result === 'succeed' ? [] : `MRS answered result ${JSON.stringify(result)}`
  }
});
