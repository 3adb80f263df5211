import { defineRestOperation, type RestOperationSpec, property } from '../../../src/sdk';
import { readDataConnector, validateConnectorId, type DataConnectorInput } from '../data-connector-envelope';
import { mrsConnection, validateMrsParams } from '../mrs-connection';
import { acceptSucceed, decodeMrsChange } from '../mrs-decode';

interface UpdateInput extends DataConnectorInput {
  readonly projectId: string;
  readonly connectorId: string;
}

/** UpdateDataConnection: `PUT /v2/{project_id}/data-connectors/{connector_id}`; `{"result":"succeed"}` → status 1. */
export const updateDataConnectionSpec: RestOperationSpec<UpdateInput> = {
  description: 'Updates an MRS data connection (name, type, source_info built from <source_info> elements)',
  params: { connectorId: { type: 'string', required: true, description: 'Data connection ID to update' } },
  envelope: 'required',
  roots: ['data_connector'],
  connection: mrsConnection,
  method: 'PUT',
  path: '/v2/{project_id}/data-connectors/{connector_id}',
  read: (envelope, params) => ({
    projectId: validateMrsParams(params),
    connectorId: validateConnectorId(params['connectorId']),
    ...readDataConnector(envelope)
  }),
  request: input => ({
    pathParams: { project_id: input.projectId, connector_id: input.connectorId },
    body: { contentType: 'application/json', text: JSON.stringify({ data_connector: input.dataConnector }) }
  }),
  secrets: input => input.secrets,
  decode: (response, call) =>
    decodeMrsChange(
      response,
      call,
      [
        property('connector_id', call.input.connectorId, 'String', true),
        property('connector_name', call.input.dataConnector.connector_name),
        property('source_type', call.input.dataConnector.source_type)
      ],
      acceptSucceed
    )
};

export const updateDataConnection = defineRestOperation(updateDataConnectionSpec);
