import { ConnectorError, type FieldShape } from '../../../src/sdk';
import {
  registrationDetailsShape,
  scriptDetailsShape,
  validateScriptPlaceholders,
  wizardDetailsShape
} from '../details/details-shapes';
import { longId, valueOf, type RpcField, type RpcRequest } from '../rpc-fields';

/** The parameters an API definition has in UpdateDataServiceApi and CreateDataServiceApi, with their documented ranges. */
export const apiDefinitionFields: Readonly<Record<string, RpcField>> = {
  RequestMethod: { shape: { type: 'integer', required: true, min: 0, max: 3 } },
  ResponseContentType: { shape: { type: 'integer', required: true, min: 0, max: 1 } },
  Timeout: { shape: { type: 'integer', required: true, min: 0, exclusiveMin: true, max: 30000 } },
  VisibleRange: { shape: { type: 'integer', required: true, min: 0, max: 1 } },
  Protocols: {
    shape: { type: 'string', required: true, pattern: /^(0|1|0,1|1,0)$/, rule: '"0" (HTTP), "1" (HTTPS) or "0,1"' }
  },
  WizardDetails: { shape: { type: 'jsonString', shape: wizardDetailsShape }, location: 'body' },
  ScriptDetails: { shape: { type: 'jsonString', shape: scriptDetailsShape }, location: 'body' },
  RegistrationDetails: { shape: { type: 'jsonString', shape: registrationDetailsShape }, location: 'body' }
};

export const apiPathShape: FieldShape = {
  type: 'string',
  required: true,
  pattern: /^\/\S*$/,
  rule: 'a path starting with "/"'
};

/** TenantId, ProjectId, ApiId: what names one API. */
export const apiKeyFields: Readonly<Record<string, RpcField>> = {
  TenantId: { shape: longId(false) },
  ProjectId: { shape: longId(true) },
  ApiId: { shape: longId(true) }
};

/**
 * Rules across fields: wizard and script APIs support only GET/POST (RequestMethod 0/1) and JSON
 * (ResponseContentType 0); every `${param}` of a script must be one of its request parameters.
 */
export function validateApiDefinition(request: RpcRequest, action: string): void {
  const registration = valueOf(request, 'RegistrationDetails') !== undefined;
  const generated = valueOf(request, 'WizardDetails') !== undefined || valueOf(request, 'ScriptDetails') !== undefined;
  if (generated && !registration) {
    if (Number(valueOf(request, 'RequestMethod')) > 1) {
      throw new ConnectorError(
        'VALUE_INVALID',
        `${action}/RequestMethod must be 0 (GET) or 1 (POST) for a wizard or script API`,
        { target: `${action}/RequestMethod` }
      );
    }
    if (valueOf(request, 'ResponseContentType') !== '0') {
      throw new ConnectorError(
        'VALUE_INVALID',
        `${action}/ResponseContentType must be 0 (JSON) for a wizard or script API`,
        { target: `${action}/ResponseContentType` }
      );
    }
  }
  const script = valueOf(request, 'ScriptDetails');
  if (script !== undefined) validateScriptPlaceholders(script, `${action}/ScriptDetails/script`);
}
