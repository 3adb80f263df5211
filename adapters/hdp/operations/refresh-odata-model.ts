import {
  buildJsonFromXml,
  envelopeError,
  defineRestOperation,
  property,
  type RestOperationSpec,
  type ObjectShape,
  type XmlElement
} from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpChange } from '../hdp-decode';

/** The optional body: the back-end login when the data source holds none, and whether to restart a running build. */
const modelRequestShape: ObjectShape = {
  type: 'object',
  fields: { user: { type: 'string' }, password: { type: 'string' }, restart: { type: 'boolean' } }
};

/**
 * Reads `<model>`: user and password go together (HDP needs both when the data source holds no back-end
 * login; one alone cannot log in), so one without the other is refused before anything is sent.
 */
export function readModelRequest(envelope: XmlElement | undefined): Record<string, unknown> {
  if (envelope === undefined) return {};
  const body = buildJsonFromXml(envelope, modelRequestShape, 'model');
  const [given, missing] = body['user'] === undefined ? ['password', 'user'] : ['user', 'password'];
  if ((body['user'] === undefined) !== (body['password'] === undefined)) {
    throw envelopeError(
      `<model> has <${given}> but no <${missing}>: HDP takes the back-end user and password together (give both, or neither to use the login stored in the data source)`,
      `model/${missing}`
    );
  }
  return body;
}

/** The 409 advice, fitting what was sent: suggest restart=true only if it was not sent already. */
export function conflictHint(body: Readonly<Record<string, unknown>>): string {
  return body['restart'] === true
    ? 'an OData model build is running and HDP refused to restart it although restart=true was sent; wait for the build to finish, then refresh again'
    : 'an OData model build is already running for this data source; send <restart>true</restart> to restart it';
}

interface RefreshInput {
  readonly datasourceId: string;
  readonly body: Record<string, unknown>;
}

/**
 * RefreshODataModel: `POST {serverUrl}/api/mgmt/datasources/{datasourceId}/model` creates or refreshes the
 * OData model. A 409 (a build is running, HDP code 222207054) is FailEntities; `<restart>true</restart>` restarts it.
 */
export const refreshODataModelSpec: RestOperationSpec<RefreshInput> = {
  description:
    'Creates or refreshes the OData model of an HDP data source (optional <model><user/><password/><restart/></model>)',
  params: { datasourceId: { type: 'string', required: true, description: 'ID of the data source' } },
  envelope: 'optional',
  roots: ['model'],
  connection: hdpConnection,
  method: 'POST',
  path: '/api/mgmt/datasources/{datasourceId}/model',
  read: (envelope, params) => ({
    datasourceId: String(params['datasourceId']),
    body: readModelRequest(envelope)
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
      conflictHint(call.input.body)
    )
};

export const refreshODataModel = defineRestOperation(refreshODataModelSpec);
