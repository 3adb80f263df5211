import { property } from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';
import { dataSourceShape } from './data-source-shape';

/** CreateDataSource: `POST /api/mgmt/datasources` with `<dataSource>` (name, dataStore, connectionType, description, options). */
export const createDataSource = hdpOperation.define({
  description: 'Creates an HDP data source and returns its id',
  envelope: 'required',
  roots: ['dataSource'],
  method: 'POST',
  path: '/api/mgmt/datasources',
  fields: dataSourceShape(true),
  // A second create makes a second data source (or fails on the name the first one took).
  notIdempotent: { checkWith: 'ListDataSources (look for the name)' },
  request: body => ({ json: body }),
  hint: hdpHint(HDP_PERMISSIONS.create),
  result: {
    kind: 'entity',
    entitySet: 'DataSource',
    keys: body => [property('name', String(body?.['name']))],
    accept: answer =>
      answer['id'] === undefined
        ? 'HDP answered without the id of the new data source'
        : [property('id', String(answer['id']), 'String', true)]
  }
});
