import { datasourceIdParam, HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';

/** GetDataSource: `GET /api/mgmt/datasources/{datasourceId}` → `<Object>` of the data source (credentials masked). */
export const getDataSource = hdpOperation.define({
  description: 'Reads one HDP data source',
  params: datasourceIdParam,
  envelope: 'none',
  method: 'GET',
  path: '/api/mgmt/datasources/{datasourceId}',
  hint: hdpHint(HDP_PERMISSIONS.view),
  result: { kind: 'object' }
});
