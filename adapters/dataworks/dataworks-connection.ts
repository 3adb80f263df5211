import {
  retryMiddleware,
  retryOptionsOf,
  retryParams,
  type RetryTestOptions,
  timeoutMiddleware,
  type ConnectionCall,
  type RestConnection,
  type ParamSpecs,
  type ResolvedParams,
  type TransportMiddleware
} from '../../src/sdk';
import { signAcs3, type AlibabaCredentials } from './acs3-signer';
import { isRetryableAlibabaResponse, isThrottledAlibabaResponse } from './decode-response';
import { signRpcV1 } from './rpc-signer';

/** Connector-wide parameters: endpoint, AccessKey, signature scheme, retries. */
export const dataworksParams: ParamSpecs = {
  endpoint: {
    type: 'url',
    required: true,
    description: 'DataWorks endpoint, e.g. https://dataworks.cn-shanghai.aliyuncs.com'
  },
  accessKeyId: { type: 'string', required: true, description: 'AccessKey ID' },
  accessKeySecret: { type: 'string', required: true, secret: true, description: 'AccessKey secret' },
  securityToken: { type: 'string', secret: true, description: 'STS token, for temporary credentials' },
  signatureVersion: {
    type: 'enum',
    values: ['v3', 'rpc'],
    default: 'v3',
    description: 'v3 = ACS3-HMAC-SHA256 (recommended); rpc = SignatureVersion 1.0 HMAC-SHA1, for older gateways'
  },
  format: {
    type: 'enum',
    values: ['JSON', 'XML'],
    default: 'JSON',
    description: 'Response format asked for with the rpc signature (both are decoded)'
  },
  apiVersion: { type: 'string', default: '2020-05-18', description: 'DataWorks API version' },
  ...retryParams(
    'Throttling.* answers, and InternalError.* and ServiceUnavailable answers of idempotent calls (not Create or Publish)'
  ),
  timeoutMs: {
    type: 'integer',
    default: '60000',
    min: 1,
    max: 3_600_000,
    description: 'Timeout per HTTP request in milliseconds'
  }
};

function credentialsOf(params: ResolvedParams): AlibabaCredentials {
  const token = params['securityToken'];
  return {
    accessKeyId: String(params['accessKeyId']),
    accessKeySecret: String(params['accessKeySecret']),
    ...(typeof token === 'string' ? { securityToken: token } : {})
  };
}

/** Signs each attempt afresh (the runtime's next nonce and its clock's time) with the chosen scheme. */
export function alibabaSigningMiddleware(
  params: ResolvedParams,
  { now, nonce }: Pick<ConnectionCall, 'now' | 'nonce'>
): TransportMiddleware {
  const credentials = credentialsOf(params);
  const version = String(params['apiVersion'] ?? '2020-05-18');
  if (params['signatureVersion'] === 'rpc') {
    const format = String(params['format'] ?? 'JSON');
    return (request, next) => next(signRpcV1(request, credentials, version, format, now(), nonce()));
  }
  return (request, next) => next(signAcs3(request, credentials, version, now(), nonce()));
}

/**
 * Builds the connection: timeout, then bounded retries of documented transient failures (for a call that is
 * not idempotent only throttling, which the gateway refused before DataWorks acted), then signing per attempt.
 */
export function createDataworksConnection(options: RetryTestOptions = {}): RestConnection {
  return {
    baseUrl: params => String(params['endpoint']),
    middlewares: (params, call) => [
      timeoutMiddleware(Number(params['timeoutMs'] ?? 60_000)),
      retryMiddleware(
        retryOptionsOf(params, call.idempotent ? isRetryableAlibabaResponse : isThrottledAlibabaResponse, options.sleep)
      ),
      alibabaSigningMiddleware(params, call)
    ]
  };
}

/** The connection the bundled connector uses. */
export const dataworksConnection: RestConnection = createDataworksConnection();
