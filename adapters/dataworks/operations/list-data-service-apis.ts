import { longId } from '../rpc-fields';
import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';

/** ListDataServiceApis: one page of a workspace's APIs, filtered by name, path or creator; PageSize 1-50 (API reference and SDK validation). */
export const listDataServiceApisAction: RpcOperationSpec = {
  action: 'ListDataServiceApis',
  description: 'Lists the APIs of a workspace in DataService Studio (Data as an <Object> with <Array name="Apis">)',
  fields: {
    TenantId: { shape: longId(false) },
    ProjectId: { shape: longId(true) },
    PageNumber: { shape: { type: 'integer', min: 1 } },
    PageSize: { shape: { type: 'integer', min: 1, max: 50 } },
    ApiNameKeyword: { shape: { type: 'string' } },
    ApiPathKeyword: { shape: { type: 'string' } },
    CreatorId: { shape: { type: 'string' } }
  },
  result: { kind: 'object' }
};

export const listDataServiceApis = rpcOperation(listDataServiceApisAction);
