import { property } from '../../../src/sdk';
import { checkDataConnector, DATA_CONNECTOR_SET, dataConnectorShape } from '../data-connector-envelope';
import { mrsOperation } from '../mrs-connection';

/** CreateDataConnection: `POST /v2/{project_id}/data-connectors`; 201 `{"connector_id"}` → status 1 with the new ID. */
export const createDataConnection = mrsOperation.define({
  description: 'Creates an MRS data connection and returns its connector_id',
  envelope: 'required',
  roots: ['data_connector'],
  method: 'POST',
  path: '/v2/{projectId}/data-connectors',
  fields: dataConnectorShape,
  // A second create makes a second connection with the same name.
  notIdempotent: { checkWith: 'ListDataConnections (connectorName)' },
  read: (_, body) => checkDataConnector(body),
  request: body => ({ json: { data_connector: body } }),
  result: {
    kind: 'entity',
    entitySet: DATA_CONNECTOR_SET,
    keys: body => [
      property('connector_name', String(body['connector_name'])),
      property('source_type', String(body['source_type']))
    ],
    accept: answer =>
      typeof answer['connector_id'] === 'string' && answer['connector_id'] !== ''
        ? [property('connector_id', answer['connector_id'], 'String', true)]
        : 'MRS answered without a connector_id'
  }
});
