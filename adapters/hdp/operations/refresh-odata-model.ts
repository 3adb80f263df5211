import { envelopeError, property, type EnvelopeJson, type ObjectShape } from '../../../src/sdk';
import { datasourceIdParam, HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';

/** The optional body: the back-end login when the data source holds none, and whether to restart a running build. */
const modelRequestShape: ObjectShape = {
  type: 'object',
  fields: { user: { type: 'string' }, password: { type: 'string', secret: true }, restart: { type: 'boolean' } }
};

/**
 * User and password go together (HDP needs both when the data source holds no back-end login; one alone
 * cannot log in), so one without the other is refused before anything is sent.
 */
export function checkModelRequest(body: EnvelopeJson | undefined): EnvelopeJson {
  if (body === undefined) return {};
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

/**
 * RefreshODataModel: `POST {serverUrl}/api/mgmt/datasources/{datasourceId}/model` creates or refreshes the
 * OData model. A 409 (a build is running, HDP code 222207054) is FailEntities; `<restart>true</restart>` restarts it.
 */
export const refreshODataModel = hdpOperation.define({
  description:
    'Creates or refreshes the OData model of an HDP data source (optional <model><user/><password/><restart/></model>)',
  params: datasourceIdParam,
  envelope: 'optional',
  roots: ['model'],
  method: 'POST',
  path: '/api/mgmt/datasources/{datasourceId}/model',
  fields: modelRequestShape,
  read: (_, body) => checkModelRequest(body),
  request: body => ({ json: body }),
  hint: (response, body) => (response.status === 409 ? conflictHint(body) : hdpHint(HDP_PERMISSIONS.modify)(response)),
  result: {
    kind: 'entity',
    entitySet: 'ODataModel',
    keys: (_, p) => [property('datasourceId', p.datasourceId, 'String', true)],
    accept: answer => (answer['success'] === false ? 'HDP answered {"success":false}' : [property('success', true)])
  }
});
