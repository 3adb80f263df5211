import { longId } from '../rpc-fields';
import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';
import { apiDefinitionFields, apiPathShape, validateApiDefinition } from './common-fields';

/** UpdateDataServiceApi, every parameter as the API reference lists it; the *Details built from structured elements. */
export const updateDataServiceApiAction: RpcOperationSpec = {
  action: 'UpdateDataServiceApi',
  description: 'Updates an API in development state in DataWorks DataService Studio',
  fields: {
    TenantId: { shape: longId(false) },
    ProjectId: { shape: longId(true) },
    ApiId: { shape: longId(true) },
    ...apiDefinitionFields,
    ApiPath: { shape: apiPathShape },
    ApiDescription: { shape: { type: 'string', required: true } },
    ResourceGroupId: { shape: longId(false) }
  },
  validate: request => validateApiDefinition(request, 'UpdateDataServiceApi'),
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId' }
};

export const updateDataServiceApi = rpcOperation(updateDataServiceApiAction);
