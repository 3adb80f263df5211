import { property } from '../../../src/sdk';
import {
  checkConnectorId,
  checkDataConnector,
  DATA_CONNECTOR_SET,
  dataConnectorShape
} from '../data-connector-envelope';
import { mrsOperation } from '../mrs-connection';

/**
 * UpdateDataConnection: `PUT /v2/{project_id}/data-connectors/{connector_id}`. The response table says
 * `succeeded`, the example response shows `{"result":"succeed"}`; both are taken, anything else is a failure.
 */
export const updateDataConnection = mrsOperation.define({
  description: 'Updates an MRS data connection (name, type, source_info built from <source_info> elements)',
  params: { connectorId: { type: 'string', required: true, description: 'Data connection ID to update' } },
  envelope: 'required',
  roots: ['data_connector'],
  method: 'PUT',
  path: '/v2/{projectId}/data-connectors/{connectorId}',
  fields: dataConnectorShape,
  read: (params, body) => (checkConnectorId(params.connectorId), checkDataConnector(body)),
  request: body => ({ json: { data_connector: body } }),
  result: {
    kind: 'entity',
    entitySet: DATA_CONNECTOR_SET,
    keys: (body, params) => [
      property('connector_id', params.connectorId, 'String', true),
      property('connector_name', String(body['connector_name'])),
      property('source_type', String(body['source_type']))
    ],
    accept: ({ result }) =>
      result === 'succeed' || result === 'succeeded'
        ? [property('result', result)]
        : `MRS answered result ${JSON.stringify(result ?? null)} instead of "succeed"/"succeeded"`
  }
});
