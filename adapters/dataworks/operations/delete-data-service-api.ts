import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';
import { apiKeyFields } from './common-fields';

/** DeleteDataServiceApi: TenantId, ProjectId, ApiId. */
export const deleteDataServiceApiAction: RpcOperationSpec = {
  action: 'DeleteDataServiceApi',
  description: 'Deletes an API in DataService Studio',
  fields: apiKeyFields,
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId' },
  // Retried on InternalError.*: if the failed attempt deleted the API, the retry finds it gone; the goal is reached.
  doneIfRetryAnswers: { code: 'Invalid.Api.NotExists', outcome: 'already deleted' }
};

export const deleteDataServiceApi = rpcOperation(deleteDataServiceApiAction);
