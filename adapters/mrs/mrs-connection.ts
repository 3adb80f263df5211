import {
  ConnectorError,
  restConnectionParams,
  restOperationsOf,
  type InvocationConnection,
  type ParamSpecs,
  type ParamsOf,
  type RestConnection,
  type TransportMiddleware
} from '../../src/sdk';
import { signHuaweiRequest } from './huawei-signer';
import { mrsStatusHint, parseHuaweiError } from './mrs-error';

/** Connector-wide parameters: where MRS is, which project, and how to authenticate (IAM token or AK/SK). */
export const mrsParams = {
  endpoint: {
    type: 'url',
    required: true,
    description: 'MRS endpoint, e.g. https://mrs.ap-southeast-1.myhuaweicloud.com'
  },
  projectId: { type: 'string', required: true, description: 'Project ID (1-64 letters and digits)' },
  token: {
    type: 'string',
    secret: true,
    description: 'IAM token, sent as X-Auth-Token (use this or accessKeyId/secretAccessKey, not both)'
  },
  accessKeyId: {
    type: 'string',
    identity: true,
    description: 'Access key ID (AK) for SDK-HMAC-SHA256 request signing'
  },
  secretAccessKey: { type: 'string', secret: true, description: 'Secret access key (SK) for request signing' },
  ...restConnectionParams(
    '429 Too Many Requests answers (the API Gateway refused the request, so even a create may be sent again)'
  )
} as const satisfies ParamSpecs;

type MrsParams = ParamsOf<typeof mrsParams>;

const PROJECT_ID = /^[A-Za-z0-9]{1,64}$/;

/** Checks the connection parameters the runtime cannot (project id format, one complete auth scheme). */
export function checkMrsParams(params: MrsParams): void {
  if (!PROJECT_ID.test(params.projectId)) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `Parameter "projectId" must be 1-64 letters and digits, got ${JSON.stringify(params.projectId)}`,
      { target: 'projectId' }
    );
  }
  const hasToken = params.token !== undefined;
  const hasAk = params.accessKeyId !== undefined;
  const hasSk = params.secretAccessKey !== undefined;
  if (hasToken && (hasAk || hasSk)) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      'MRS takes an IAM token or an AK/SK pair, not both: give token, or accessKeyId and secretAccessKey',
      { target: 'token' }
    );
  }
  if (!hasToken && !(hasAk && hasSk)) {
    const missing = hasAk ? 'secretAccessKey' : hasSk ? 'accessKeyId' : 'token (or accessKeyId and secretAccessKey)';
    throw new ConnectorError('PARAMETER_MISSING', `MRS needs an IAM token or an AK/SK pair; missing ${missing}`, {
      target: missing.split(' ')[0] ?? missing
    });
  }
}

/** Adds `X-Auth-Token`, or signs with AK/SK using the runtime's clock (a fresh X-Sdk-Date per attempt). */
export function mrsAuthMiddleware(params: MrsParams, { now }: Pick<InvocationConnection, 'now'>): TransportMiddleware {
  const { token, accessKeyId = '', secretAccessKey = '' } = params;
  if (token !== undefined)
    return (request, next) => next({ ...request, headers: { ...request.headers, 'x-auth-token': token } });
  return (request, next) => next(signHuaweiRequest(request, accessKeyId, secretAccessKey, now()));
}

/** Every MRS operation: `{endpoint}/v2/{projectId}/…`, IAM token or AK/SK signing, 429 retried, Huawei errors. */
export const mrsConnection: RestConnection<MrsParams> = {
  baseUrl: 'endpoint',
  auth: { kind: 'signed', sign: mrsAuthMiddleware },
  retry: { refused: response => response.status === 429 },
  serviceError: parseHuaweiError,
  hint: mrsStatusHint,
  check: checkMrsParams
};

/** Declares MRS operations: typed parameters, sent through {@link mrsConnection}. */
export const mrsOperation = restOperationsOf(mrsParams, mrsConnection);
