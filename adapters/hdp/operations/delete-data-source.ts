import { property } from '../../../src/sdk';
import { datasourceIdParam, HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';

/** DeleteDataSource: `DELETE /api/mgmt/datasources/{datasourceId}`; any 2xx → status 1. */
export const deleteDataSource = hdpOperation.define({
  description: 'Deletes an HDP data source',
  params: datasourceIdParam,
  envelope: 'none',
  method: 'DELETE',
  path: '/api/mgmt/datasources/{datasourceId}',
  hint: hdpHint(HDP_PERMISSIONS.delete),
  result: { kind: 'entity', entitySet: 'DataSource', keys: (_, p) => [property('id', p.datasourceId, 'String', true)] }
});
