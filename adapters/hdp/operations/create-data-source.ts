import { defineRestOperation, property, type RestOperationSpec } from '../../../src/sdk';
import { credentialsIn, HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpChange } from '../hdp-decode';
import { readDataSource } from './data-source-shape';

/** CreateDataSource: `POST /api/mgmt/datasources` with `<dataSource>` (name, dataStore, connectionType, description, options). */
export const createDataSourceSpec: RestOperationSpec<{ readonly body: Record<string, unknown> }> = {
  description: 'Creates an HDP data source and returns its id',
  envelope: 'required',
  roots: ['dataSource'],
  connection: hdpConnection,
  method: 'POST',
  path: '/api/mgmt/datasources',
  // A second create makes a second data source (or fails on the name the first one took).
  notIdempotent: { checkWith: 'ListDataSources (look for the name)' },
  read: envelope => ({ body: readDataSource(envelope, true) }),
  request: input => ({ body: { contentType: 'application/json', text: JSON.stringify(input.body) } }),
  secrets: input => credentialsIn(input.body),
  decode: (response, call) =>
    decodeHdpChange(
      response,
      call,
      'DataSource',
      [property('name', String(call.input.body['name']))],
      HDP_PERMISSIONS.create,
      body =>
        body['id'] === undefined
          ? 'HDP answered without the id of the new data source'
          : [property('id', String(body['id']), 'String', true)]
    )
};

export const createDataSource = defineRestOperation(createDataSourceSpec);
