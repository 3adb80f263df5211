import { ConnectorError, type FieldShape } from '../../../src/sdk';
import { longId, valueOf } from '../rpc-fields';
import { rpcOperation, type RpcOperationSpec } from '../rpc-operation';
import { apiDefinitionFields, apiPathShape, validateApiDefinition } from './common-fields';

const DETAILS_OF_MODE = ['WizardDetails', 'ScriptDetails', 'RegistrationDetails'] as const;

/** ApiName as the API reference states it: 4-50 letters, Chinese characters, digits or '_', starting with a letter or Chinese character. */
const apiNameShape: FieldShape = {
  type: 'string',
  required: true,
  pattern: /^[A-Za-z\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]{3,49}$/,
  rule: '4-50 letters, Chinese characters, digits or "_", starting with a letter or Chinese character'
};

/**
 * CreateDataServiceApi: a new API in a group; ApiMode 0/1/2 (wizard/script/registration) needs the matching *Details.
 * Parameters as the 2020-05-18 API reference and aliyun/alibabacloud-java-async-sdk CreateDataServiceApiRequest list them
 * (ApiDescription required; SqlMode 0 basic / 1 MyBatis; RequestContentType 0 XML / 1 JSON / 2 form).
 */
export const createDataServiceApiAction: RpcOperationSpec = {
  action: 'CreateDataServiceApi',
  description: 'Creates an API in DataWorks DataService Studio and returns its ApiId',
  fields: {
    TenantId: { shape: longId(false) },
    ProjectId: { shape: longId(true) },
    GroupId: { shape: { type: 'string', required: true } },
    ApiName: { shape: apiNameShape },
    ApiMode: { shape: { type: 'integer', required: true, min: 0, max: 2 } },
    ...apiDefinitionFields,
    ApiPath: { shape: apiPathShape },
    ApiDescription: { shape: { type: 'string', required: true } },
    FolderId: { shape: longId(false) },
    SqlMode: { shape: { type: 'integer', min: 0, max: 1 } },
    ResourceGroupId: { shape: longId(false) },
    RequestContentType: { shape: { type: 'integer', min: 0, max: 2 } }
  },
  validate(request) {
    const mode = Number(valueOf(request, 'ApiMode'));
    const needed = DETAILS_OF_MODE[mode] ?? 'WizardDetails';
    if (valueOf(request, needed) === undefined) {
      throw new ConnectorError('VALUE_INVALID', `CreateDataServiceApi with ApiMode ${mode} needs <${needed}>`, {
        target: `CreateDataServiceApi/${needed}`
      });
    }
    validateApiDefinition(request, 'CreateDataServiceApi');
  },
  result: { kind: 'entity', entitySet: 'DataServiceApi', idField: 'ApiId', idFromData: true },
  // A second create makes a second API (or fails on the name the first one took).
  notIdempotent: { checkWith: 'ListDataServiceApis (ApiNameKeyword or ApiPathKeyword)' }
};

export const createDataServiceApi = rpcOperation(createDataServiceApiAction);
