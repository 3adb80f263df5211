import { buildJsonFromXml, defineHttpOperation, property, type HttpOperationSpec, type ObjectShape } from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpChange } from '../hdp-decode';

/** The optional body: the back-end login when the data source holds none, and whether to restart a running build. */
const modelRequestShape: ObjectShape = {
  type: 'object',
  fields: { user: { type: 'string' }, password: { type: 'string' }, restart: { type: 'boolean' } }
};

interface RefreshInput {
  readonly datasourceId: string;
  readonly body: Record<string, unknown>;
}

/**
 * RefreshODataModel: `POST {serverUrl}/api/mgmt/datasources/{datasourceId}/model` creates or refreshes the
 * OData model. A 409 (a build is running, HDP code 222207054) is FailEntities; `<restart>true</restart>` restarts it.
 */
export const refreshODataModelSpec: HttpOperationSpec<RefreshInput> = {
  description: 'Creates or refreshes the OData model of an HDP data source (optional <model><user/><password/><restart/></model>)',
  params: { datasourceId: { type: 'string', required: true, description: 'ID of the data source' } },
  envelope: 'optional',
  roots: ['model'],
  connection: hdpConnection,
  method: 'POST',
  path: '/api/mgmt/datasources/{datasourceId}/model',
  read: (envelope, params) => ({
    datasourceId: String(params['datasourceId']),
    body: envelope === undefined ? {} : buildJsonFromXml(envelope, modelRequestShape, 'model')
  }),
  request: input => ({
    pathParams: { datasourceId: input.datasourceId },
    body: { contentType: 'application/json', text: JSON.stringify(input.body) }
  }),
  secrets: input => (typeof input.body['password'] === 'string' ? [input.body['password']] : []),
  decode: (response, call) =>
    decodeHdpChange(
      response,
      call,
      'ODataModel',
      [property('datasourceId', call.input.datasourceId, 'String', true)],
      HDP_PERMISSIONS.modify,
      body => (body['success'] === false ? 'HDP answered {"success":false}' : [property('success', true)]),
      'an OData model build is already running for this data source; send <restart>true</restart> to restart it'
    )
};

export const refreshODataModel = defineHttpOperation(refreshODataModelSpec);
