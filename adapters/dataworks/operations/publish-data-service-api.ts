import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';
import { apiKeyFields } from './common-fields';

/** PublishDataServiceApi: TenantId, ProjectId, ApiId. */
export const publishDataServiceApiAction: RpcOperationSpec = {
  action: 'PublishDataServiceApi',
  description: 'Publishes an API in DataService Studio',
  fields: apiKeyFields,
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId' },
  // Publishing submits a release; sent twice it may release twice or fail because the first one went through.
  notIdempotent: { checkWith: 'GetDataServiceApi (its publish status)' }
};

export const publishDataServiceApi = rpcOperation(publishDataServiceApiAction);
