import { ConnectorError, type ObjectShape } from '../../../src/sdk';
import { connectionShape, requestParameterShape, responseParameterShape } from './parameter-shapes';

/** `WizardDetails`: connection, table, request and response parameters. */
export const wizardDetailsShape: ObjectShape = {
  type: 'object',
  fields: {
    isPagedResponse: { type: 'boolean' },
    wizardConnection: connectionShape,
    wizardRequestParameters: { type: 'array', items: requestParameterShape },
    wizardResponseParameters: { type: 'array', items: responseParameterShape }
  }
};

/** `ScriptDetails`: the SQL (with `${param}` placeholders), its connection and parameters. */
export const scriptDetailsShape: ObjectShape = {
  type: 'object',
  fields: {
    isPagedResponse: { type: 'boolean' },
    script: { type: 'string', required: true },
    scriptConnection: connectionShape,
    scriptRequestParameters: { type: 'array', items: requestParameterShape },
    scriptResponseParameters: { type: 'array', items: responseParameterShape }
  }
};

/** `RegistrationDetails`: the backend service (host, path, content type), samples and error codes. */
export const registrationDetailsShape: ObjectShape = {
  type: 'object',
  fields: {
    failedResultSample: { type: 'string' },
    registrationErrorCodes: {
      type: 'array',
      items: {
        type: 'object',
        fields: {
          errorCode: { type: 'string', required: true },
          errorMessage: { type: 'string' },
          errorSolution: { type: 'string' }
        }
      }
    },
    registrationRequestParameters: { type: 'array', items: requestParameterShape },
    serviceContentType: { type: 'integer', min: 0, max: 1 },
    serviceHost: {
      type: 'string',
      required: true,
      pattern: /^https?:\/\/[^\s/]+$/,
      rule: 'an http(s) host URL without a path'
    },
    servicePath: { type: 'string', required: true },
    serviceRequestBodyDescription: { type: 'string' },
    successfulResultSample: { type: 'string' }
  }
};

/**
 * Checks that every `${name}` in a script API's SQL is one of its request parameters (DataWorks
 * would otherwise publish an API whose SQL cannot be bound).
 */
export function validateScriptPlaceholders(scriptDetails: string, target: string): void {
  const details = JSON.parse(scriptDetails) as {
    script?: string;
    scriptRequestParameters?: Array<{ parameterName?: string }>;
  };
  const declared = new Set((details.scriptRequestParameters ?? []).map(p => p.parameterName));
  for (const m of (details.script ?? '').matchAll(/\$\{([^}]*)\}/g)) {
    if (!declared.has(m[1])) {
      throw new ConnectorError(
        'VALUE_INVALID',
        `The script uses \${${m[1] ?? ''}}, which is not among its scriptRequestParameters (${[...declared].join(', ') || 'none'})`,
        { target }
      );
    }
  }
}
