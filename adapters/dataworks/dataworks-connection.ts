import { randomBytes, randomUUID } from 'node:crypto';
import { retryMiddleware, timeoutMiddleware, type HttpConnection, type ParamSpecs, type ResolvedParams, type TransportMiddleware } from '../../src/sdk';
import { signAcs3, type AlibabaCredentials } from './acs3-signer';
import { isRetryableAlibabaResponse } from './decode-response';
import { signRpcV1 } from './rpc-signer';

/** Connector-wide parameters: endpoint, AccessKey, signature scheme, retries. */
export const dataworksParams: ParamSpecs = {
  endpoint: { type: 'url', required: true, description: 'DataWorks endpoint, e.g. https://dataworks.cn-shanghai.aliyuncs.com' },
  accessKeyId: { type: 'string', required: true, description: 'AccessKey ID' },
  accessKeySecret: { type: 'string', required: true, secret: true, description: 'AccessKey secret' },
  securityToken: { type: 'string', secret: true, description: 'STS token, for temporary credentials' },
  signatureVersion: { type: 'enum', values: ['v3', 'rpc'], default: 'v3', description: 'v3 = ACS3-HMAC-SHA256 (recommended); rpc = SignatureVersion 1.0 HMAC-SHA1, for older gateways' },
  format: { type: 'enum', values: ['JSON', 'XML'], default: 'JSON', description: 'Response format asked for with the rpc signature (both are decoded)' },
  apiVersion: { type: 'string', default: '2020-05-18', description: 'DataWorks API version' },
  maxRetries: { type: 'integer', default: '3', min: 0, max: 5, description: 'Retries of Throttling.*, InternalError.* and ServiceUnavailable answers' },
  retryBaseDelayMs: { type: 'integer', default: '500', min: 0, max: 10_000, description: 'First backoff wait; doubles per retry, each wait at most 10 s' },
  timeoutMs: { type: 'integer', default: '60000', min: 1, max: 3_600_000, description: 'Timeout per HTTP request in milliseconds' }
};

function credentialsOf(params: ResolvedParams): AlibabaCredentials {
  const token = params['securityToken'];
  return {
    accessKeyId: String(params['accessKeyId']),
    accessKeySecret: String(params['accessKeySecret']),
    ...(typeof token === 'string' ? { securityToken: token } : {})
  };
}

/** Signs each attempt afresh (new nonce, the runtime clock's time) with the chosen scheme. */
export function alibabaSigningMiddleware(params: ResolvedParams, now: () => Date): TransportMiddleware {
  const credentials = credentialsOf(params);
  const version = String(params['apiVersion'] ?? '2020-05-18');
  if (params['signatureVersion'] === 'rpc') {
    const format = String(params['format'] ?? 'JSON');
    return (request, next) => next(signRpcV1(request, credentials, version, format, now(), randomUUID()));
  }
  return (request, next) => next(signAcs3(request, credentials, version, now(), randomBytes(16).toString('hex')));
}

/** Options the tests may override: the wait function (so a 429 storm never sleeps for real). */
export interface DataworksConnectionOptions {
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Builds the connection: timeout, then bounded retries of documented transient failures, then signing per attempt. */
export function createDataworksConnection(options: DataworksConnectionOptions = {}): HttpConnection {
  return {
    baseUrl: params => String(params['endpoint']),
    middlewares: (params, now) => [
      timeoutMiddleware(Number(params['timeoutMs'] ?? 60_000)),
      retryMiddleware({
        maxRetries: Number(params['maxRetries'] ?? 3),
        baseDelayMs: Number(params['retryBaseDelayMs'] ?? 500),
        maxDelayMs: 10_000,
        shouldRetry: isRetryableAlibabaResponse,
        ...(options.sleep === undefined ? {} : { sleep: options.sleep })
      }),
      alibabaSigningMiddleware(params, now)
    ]
  };
}

/** The connection the bundled connector uses. */
export const dataworksConnection: HttpConnection = createDataworksConnection();
