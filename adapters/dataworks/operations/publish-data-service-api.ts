import { defineHttpOperation } from '../../../src/sdk';
import { rpcOperationSpec, type RpcOperationSpec } from '../rpc-operation';
import { apiKeyFields } from './common-fields';

/** PublishDataServiceApi: TenantId, ProjectId, ApiId. */
export const publishDataServiceApiAction: RpcOperationSpec = {
  action: 'PublishDataServiceApi',
  description: 'Publishes an API in DataService Studio',
  fields: apiKeyFields,
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId' }
};

export const publishDataServiceApiSpec = rpcOperationSpec(publishDataServiceApiAction);
export const publishDataServiceApi = defineHttpOperation(publishDataServiceApiSpec);
