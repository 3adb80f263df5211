import { defineRestOperation, type RestOperationSpec, property } from '../../../src/sdk';
import { validateConnectorId } from '../data-connector-envelope';
import { mrsConnection, validateMrsParams } from '../mrs-connection';
import { decodeMrsChange } from '../mrs-decode';

interface DeleteInput {
  readonly projectId: string;
  readonly connectorId: string;
}

/** DeleteDataConnection: `DELETE /v2/{project_id}/data-connectors/{connector_id}`; any 2xx → status 1. */
export const deleteDataConnectionSpec: RestOperationSpec<DeleteInput> = {
  description: 'Deletes an MRS data connection',
  params: { connectorId: { type: 'string', required: true, description: 'Data connection ID to delete' } },
  envelope: 'none',
  connection: mrsConnection,
  method: 'DELETE',
  path: '/v2/{project_id}/data-connectors/{connector_id}',
  read: (_, params) => ({
    projectId: validateMrsParams(params),
    connectorId: validateConnectorId(params['connectorId'])
  }),
  request: input => ({ pathParams: { project_id: input.projectId, connector_id: input.connectorId } }),
  // The API documents no response body; a result other than "succeed", when one is sent, is a failure.
  decode: (response, call) =>
    decodeMrsChange(response, call, [property('connector_id', call.input.connectorId, 'String', true)], body =>
      body['result'] === undefined || body['result'] === 'succeed'
        ? []
        : `MRS answered result ${JSON.stringify(body['result'])}`
    )
};

export const deleteDataConnection = defineRestOperation(deleteDataConnectionSpec);
