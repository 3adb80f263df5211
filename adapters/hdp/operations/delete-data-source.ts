import { defineRestOperation, property, type RestOperationSpec } from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpChange } from '../hdp-decode';

/** DeleteDataSource: `DELETE /api/mgmt/datasources/{datasourceId}`; any 2xx → status 1. */
export const deleteDataSourceSpec: RestOperationSpec<{ readonly datasourceId: string }> = {
  description: 'Deletes an HDP data source',
  params: { datasourceId: { type: 'string', required: true, description: 'ID of the data source' } },
  envelope: 'none',
  connection: hdpConnection,
  method: 'DELETE',
  path: '/api/mgmt/datasources/{datasourceId}',
  read: (_, params) => ({ datasourceId: String(params['datasourceId']) }),
  request: input => ({ pathParams: { datasourceId: input.datasourceId } }),
  decode: (response, call) =>
    decodeHdpChange(
      response,
      call,
      'DataSource',
      [property('id', call.input.datasourceId, 'String', true)],
      HDP_PERMISSIONS.delete
    )
};

export const deleteDataSource = defineRestOperation(deleteDataSourceSpec);
