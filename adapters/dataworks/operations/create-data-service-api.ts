import { ConnectorError, defineHttpOperation } from '../../../src/sdk';
import { longId, valueOf } from '../rpc-fields';
import { rpcOperationSpec, type RpcOperationSpec } from '../rpc-operation';
import { apiDefinitionFields, apiPathShape, validateApiDefinition } from './common-fields';

const DETAILS_OF_MODE = ['WizardDetails', 'ScriptDetails', 'RegistrationDetails'] as const;

/** CreateDataServiceApi: a new API in a group; ApiMode 0/1/2 (wizard/script/registration) needs the matching *Details. */
export const createDataServiceApiAction: RpcOperationSpec = {
  action: 'CreateDataServiceApi',
  description: 'Creates an API in DataWorks DataService Studio and returns its ApiId',
  fields: {
    TenantId: { shape: longId(false) },
    ProjectId: { shape: longId(true) },
    GroupId: { shape: { type: 'string', required: true } },
    ApiName: { shape: { type: 'string', required: true } },
    ApiMode: { shape: { type: 'integer', required: true, min: 0, max: 2 } },
    ...apiDefinitionFields,
    ApiPath: { shape: apiPathShape },
    ApiDescription: { shape: { type: 'string' } },
    FolderId: { shape: longId(false) },
    ResourceGroupId: { shape: longId(false) }
  },
  validate(request) {
    const mode = Number(valueOf(request, 'ApiMode'));
    const needed = DETAILS_OF_MODE[mode] ?? 'WizardDetails';
    if (valueOf(request, needed) === undefined) {
      throw new ConnectorError('VALUE_INVALID', `CreateDataServiceApi with ApiMode ${mode} needs <${needed}>`, { target: `CreateDataServiceApi/${needed}` });
    }
    validateApiDefinition(request, 'CreateDataServiceApi');
  },
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId', idFromData: true }
};

export const createDataServiceApiSpec = rpcOperationSpec(createDataServiceApiAction);
export const createDataServiceApi = defineHttpOperation(createDataServiceApiSpec);
