import {
  restConnectionParams,
  restOperationsOf,
  type InvocationConnection,
  type ParamSpecs,
  type ParamsOf,
  type RestConnection,
  type TransportMiddleware
} from '../../src/sdk';
import { signAcs3, type AlibabaCredentials } from './acs3-signer';
import {
  alibabaErrorOf,
  decodeAlibabaBody,
  isRetryableAlibabaResponse,
  isThrottledAlibabaResponse
} from './decode-response';
import { signRpcV1 } from './rpc-signer';

/** Connector-wide parameters: endpoint, AccessKey, signature scheme, retries. */
export const dataworksParams = {
  endpoint: {
    type: 'url',
    required: true,
    description: 'DataWorks endpoint, e.g. https://dataworks.cn-shanghai.aliyuncs.com'
  },
  accessKeyId: { type: 'string', required: true, identity: true, description: 'AccessKey ID' },
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
  ...restConnectionParams(
    'Throttling.* answers, and InternalError.* and ServiceUnavailable answers of idempotent calls (not Create or Publish)'
  )
} as const satisfies ParamSpecs;

type DataworksParams = ParamsOf<typeof dataworksParams>;

/** Signs each attempt afresh (the runtime's next nonce and its clock's time) with the chosen scheme. */
export function alibabaSigningMiddleware(
  params: DataworksParams,
  { now, nonce }: Pick<InvocationConnection, 'now' | 'nonce'>
): TransportMiddleware {
  const { accessKeyId, accessKeySecret, securityToken, apiVersion, format } = params;
  const credentials: AlibabaCredentials = {
    accessKeyId,
    accessKeySecret,
    ...(securityToken === undefined ? {} : { securityToken })
  };
  if (params.signatureVersion === 'rpc')
    return (request, next) => next(signRpcV1(request, credentials, apiVersion, format, now(), nonce()));
  return (request, next) => next(signAcs3(request, credentials, apiVersion, now(), nonce()));
}

/**
 * Every DataWorks action: `POST {endpoint}/?…`, signed per attempt; throttling retried for every call, documented
 * transient failures (InternalError.*, ServiceUnavailable) only for calls that are idempotent.
 */
export const dataworksConnection: RestConnection<DataworksParams> = {
  baseUrl: 'endpoint',
  auth: { kind: 'signed', sign: alibabaSigningMiddleware },
  retry: { refused: isThrottledAlibabaResponse, transient: isRetryableAlibabaResponse },
  serviceError: body => alibabaErrorOf(decodeAlibabaBody({ body }))
};

/** Declares DataWorks operations: typed parameters, sent through {@link dataworksConnection}. */
export const dataworksOperation = restOperationsOf(dataworksParams, dataworksConnection);
