import { defineRestOperation, property, type RestOperationSpec } from '../../../src/sdk';
import { credentialsIn, HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpChange } from '../hdp-decode';
import { readDataSource } from './data-source-shape';

interface UpdateInput {
  readonly datasourceId: string;
  readonly body: Record<string, unknown>;
}

/** UpdateDataSource: `PUT /api/mgmt/datasources/{datasourceId}` with the fields of `<dataSource>` to change. */
export const updateDataSourceSpec: RestOperationSpec<UpdateInput> = {
  description: 'Updates an HDP data source (dataStore and connectionType cannot change)',
  params: { datasourceId: { type: 'string', required: true, description: 'ID of the data source' } },
  envelope: 'required',
  roots: ['dataSource'],
  connection: hdpConnection,
  method: 'PUT',
  path: '/api/mgmt/datasources/{datasourceId}',
  read: (envelope, params) => ({ datasourceId: String(params['datasourceId']), body: readDataSource(envelope, false) }),
  request: input => ({
    pathParams: { datasourceId: input.datasourceId },
    body: { contentType: 'application/json', text: JSON.stringify(input.body) }
  }),
  secrets: input => credentialsIn(input.body),
  decode: (response, call) =>
    decodeHdpChange(
      response,
      call,
      'DataSource',
      [property('id', call.input.datasourceId, 'String', true)],
      HDP_PERMISSIONS.modify
    )
};

export const updateDataSource = defineRestOperation(updateDataSourceSpec);
