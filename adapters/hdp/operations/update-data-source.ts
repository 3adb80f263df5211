import { property } from '../../../src/sdk';
import { datasourceIdParam, HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';
import { dataSourceShape, requireChange } from './data-source-shape';

/** UpdateDataSource: `PUT /api/mgmt/datasources/{datasourceId}` with the fields of `<dataSource>` to change. */
export const updateDataSource = hdpOperation.define({
  description: 'Updates an HDP data source (dataStore and connectionType cannot change)',
  params: datasourceIdParam,
  envelope: 'required',
  roots: ['dataSource'],
  method: 'PUT',
  path: '/api/mgmt/datasources/{datasourceId}',
  fields: dataSourceShape(false),
  read: (_, body) => requireChange(body),
  request: body => ({ json: body }),
  hint: hdpHint(HDP_PERMISSIONS.modify),
  result: { kind: 'entity', entitySet: 'DataSource', keys: (_, p) => [property('id', p.datasourceId, 'String', true)] }
});
