import { defineRestOperation, type RestOperationSpec } from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpRead } from '../hdp-decode';

/** GetDataSource: `GET /api/mgmt/datasources/{datasourceId}` → `<Object>` of the data source (credentials masked). */
export const getDataSourceSpec: RestOperationSpec<{ readonly datasourceId: string }> = {
  description: 'Reads one HDP data source',
  params: { datasourceId: { type: 'string', required: true, description: 'ID of the data source' } },
  envelope: 'none',
  connection: hdpConnection,
  method: 'GET',
  path: '/api/mgmt/datasources/{datasourceId}',
  read: (_, params) => ({ datasourceId: String(params['datasourceId']) }),
  request: input => ({ pathParams: { datasourceId: input.datasourceId } }),
  decode: (response, call) => decodeHdpRead(response, call, HDP_PERMISSIONS.view)
};

export const getDataSource = defineRestOperation(getDataSourceSpec);
