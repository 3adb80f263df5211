import { defineRestOperation, type RestOperationSpec, property } from '../../../src/sdk';
import { readDataConnector, type DataConnectorInput } from '../data-connector-envelope';
import { mrsConnection, validateMrsParams } from '../mrs-connection';
import { decodeMrsChange } from '../mrs-decode';

interface CreateInput extends DataConnectorInput {
  readonly projectId: string;
}

/** CreateDataConnection: `POST /v2/{project_id}/data-connectors`; 201 `{"connector_id"}` → status 1 with the new ID. */
export const createDataConnectionSpec: RestOperationSpec<CreateInput> = {
  description: 'Creates an MRS data connection and returns its connector_id',
  envelope: 'required',
  roots: ['data_connector'],
  connection: mrsConnection,
  method: 'POST',
  path: '/v2/{project_id}/data-connectors',
  // A second create makes a second connection with the same name.
  notIdempotent: { checkWith: 'ListDataConnections (connectorName)' },
  read: (envelope, params) => ({ projectId: validateMrsParams(params), ...readDataConnector(envelope) }),
  request: input => ({
    pathParams: { project_id: input.projectId },
    body: { contentType: 'application/json', text: JSON.stringify({ data_connector: input.dataConnector }) }
  }),
  secrets: input => input.secrets,
  decode: (response, call) =>
    decodeMrsChange(
      response,
      call,
      [
        property('connector_name', call.input.dataConnector.connector_name),
        property('source_type', call.input.dataConnector.source_type)
      ],
      body => {
        const id = body['connector_id'];
        return typeof id === 'string' && id !== ''
          ? [property('connector_id', id, 'String', true)]
          : 'MRS answered without a connector_id';
      }
    )
};

export const createDataConnection = defineRestOperation(createDataConnectionSpec);
