import {
  ConnectorError,
  retryMiddleware,
  retryOptionsOf,
  retryParams,
  type RetryTestOptions,
  timeoutMiddleware,
  type RestConnection,
  type ParamSpecs,
  type ResolvedParams,
  type TransportMiddleware
} from '../../src/sdk';
import { signHuaweiRequest } from './huawei-signer';

/** Connector-wide parameters: where MRS is, which project, and how to authenticate (IAM token or AK/SK). */
export const mrsParams: ParamSpecs = {
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
  accessKeyId: { type: 'string', description: 'Access key ID (AK) for SDK-HMAC-SHA256 request signing' },
  secretAccessKey: { type: 'string', secret: true, description: 'Secret access key (SK) for request signing' },
  timeoutMs: {
    type: 'integer',
    default: '60000',
    min: 1,
    max: 3_600_000,
    description: 'Timeout per HTTP request in milliseconds'
  },
  ...retryParams(
    '429 Too Many Requests answers (the API Gateway refused the request, so even a create may be sent again)'
  )
};

const PROJECT_ID = /^[A-Za-z0-9]{1,64}$/;

/** Checks the connection parameters the runtime cannot (project id format, one complete auth scheme). */
export function validateMrsParams(params: ResolvedParams): string {
  const projectId = String(params['projectId'] ?? '');
  if (!PROJECT_ID.test(projectId)) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `Parameter "projectId" must be 1-64 letters and digits, got ${JSON.stringify(projectId)}`,
      { target: 'projectId' }
    );
  }
  const hasToken = typeof params['token'] === 'string';
  const hasAk = typeof params['accessKeyId'] === 'string';
  const hasSk = typeof params['secretAccessKey'] === 'string';
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
  return projectId;
}

/** Adds `X-Auth-Token`, or signs with AK/SK using the runtime's clock (a fresh X-Sdk-Date per request). */
export function mrsAuthMiddleware(params: ResolvedParams, now: () => Date): TransportMiddleware {
  const token = params['token'];
  if (typeof token === 'string')
    return (request, next) => next({ ...request, headers: { ...request.headers, 'x-auth-token': token } });
  const ak = String(params['accessKeyId'] ?? '');
  const sk = String(params['secretAccessKey'] ?? '');
  return (request, next) => next(signHuaweiRequest(request, ak, sk, now()));
}

/** Timeout, then bounded retries of 429 (Retry-After honoured), then auth: each attempt is signed afresh. */
export function createMrsConnection(options: RetryTestOptions = {}): RestConnection {
  return {
    baseUrl: params => String(params['endpoint']),
    middlewares: (params, call) => [
      timeoutMiddleware(Number(params['timeoutMs'] ?? 60_000)),
      retryMiddleware(retryOptionsOf(params, response => response.status === 429, options.sleep)),
      mrsAuthMiddleware(params, call.now)
    ]
  };
}

/** The connection every MRS operation shares. */
export const mrsConnection: RestConnection = createMrsConnection();
