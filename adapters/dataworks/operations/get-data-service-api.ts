import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';
import { apiKeyFields } from './common-fields';

/** GetDataServiceApi: TenantId, ProjectId, ApiId. */
export const getDataServiceApiAction: RpcOperationSpec = {
  action: 'GetDataServiceApi',
  description: 'Reads the definition of an API (Data as an <Object>)',
  fields: apiKeyFields,
  result: { kind: 'object' }
};

export const getDataServiceApi = rpcOperation(getDataServiceApiAction);
