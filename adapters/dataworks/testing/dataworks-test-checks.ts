// What the stand-in DataWorks checks in a request, written from the API reference (seed 003, the
// Create/Get/Publish/Delete/List pages and the GetDataServiceApi response model), independently of the
// connector's own field tables: a request the connector builds wrongly fails here.

/** Parameters each action requires (Action, Version and the signature are checked before). */
export const REQUIRED_PARAMS: Readonly<Record<string, readonly string[]>> = {
  CreateDataServiceApi: [
    'ProjectId',
    'GroupId',
    'ApiName',
    'ApiMode',
    'RequestMethod',
    'ResponseContentType',
    'Timeout',
    'VisibleRange',
    'Protocols',
    'ApiPath',
    'ApiDescription'
  ],
  UpdateDataServiceApi: [
    'ProjectId',
    'ApiId',
    'RequestMethod',
    'ResponseContentType',
    'Timeout',
    'VisibleRange',
    'Protocols',
    'ApiPath',
    'ApiDescription'
  ],
  GetDataServiceApi: ['ProjectId', 'ApiId'],
  PublishDataServiceApi: ['ProjectId', 'ApiId'],
  DeleteDataServiceApi: ['ProjectId', 'ApiId'],
  ListDataServiceApis: ['ProjectId']
};

const LONGS = ['TenantId', 'ProjectId', 'ApiId', 'FolderId', 'ResourceGroupId'];
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  RequestMethod: [0, 3],
  ResponseContentType: [0, 1],
  Timeout: [1, 30000],
  VisibleRange: [0, 1],
  ApiMode: [0, 2],
  SqlMode: [0, 1],
  RequestContentType: [0, 2],
  PageNumber: [1, 100000],
  PageSize: [1, 50]
};

/** Checks the scalar parameters; returns the problem (as Alibaba's Invalid.Param message) or undefined. */
export function checkParams(action: string, params: ReadonlyMap<string, string>): string | undefined {
  const missing = (REQUIRED_PARAMS[action] ?? []).find(p => !params.has(p));
  if (missing !== undefined) return `MissingParameter:${missing} is mandatory for this action.`;
  for (const name of LONGS) {
    const v = params.get(name);
    if (v !== undefined && !/^\d{1,19}$/.test(v)) return `Invalid.Param:${name} must be a Long, got ${v}`;
  }
  for (const [name, [low, high]] of Object.entries(RANGES)) {
    const v = params.get(name);
    if (v !== undefined && (!/^\d+$/.test(v) || Number(v) < low || Number(v) > high))
      return `Invalid.Param:${name} must be in [${low}, ${high}], got ${v}`;
  }
  const protocols = params.get('Protocols');
  if (protocols !== undefined && !/^(0|1|0,1|1,0)$/.test(protocols))
    return `Invalid.Param:Protocols must be 0, 1 or 0,1, got ${protocols}`;
  const path = params.get('ApiPath');
  if (path !== undefined && !path.startsWith('/')) return 'Invalid.Param:ApiPath must start with /';
  if (action === 'CreateDataServiceApi') {
    const needed =
      ['WizardDetails', 'ScriptDetails', 'RegistrationDetails'][Number(params.get('ApiMode'))] ?? 'WizardDetails';
    if (!params.has(needed)) return `Invalid.Param:ApiMode ${params.get('ApiMode') ?? ''} needs ${needed}`;
  }
  for (const name of DETAILS) {
    const text = params.get(name);
    if (text === undefined) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return `Invalid.Param:${name} is not JSON`;
    }
    const problem = checkDetails(name, value);
    if (problem !== undefined) return `Invalid.Param:${name}${problem}`;
  }
  return undefined;
}

export const DETAILS = ['WizardDetails', 'ScriptDetails', 'RegistrationDetails'] as const;

type Rule =
  'string' | 'number' | 'boolean' | readonly [number, number] | { readonly [key: string]: Rule } | readonly [Rule];
/** A key's rule, with `!` marking a required key. */
const param: Rule = {
  'parameterName!': 'string',
  columnName: 'string',
  defaultValue: 'string',
  exampleValue: 'string',
  isRequiredParameter: 'boolean',
  parameterDataType: [0, 11],
  parameterDescription: 'string',
  parameterOperator: [0, 3],
  parameterPosition: [0, 3]
};
const responseParam: Rule = {
  'parameterName!': 'string',
  columnName: 'string',
  exampleValue: 'string',
  parameterDataType: [0, 11],
  parameterDescription: 'string'
};
const connection: Rule = { 'connectionId!': [1, Number.MAX_SAFE_INTEGER], tableName: 'string' };
const DETAIL_RULES: Readonly<Record<(typeof DETAILS)[number], Rule>> = {
  WizardDetails: {
    isPagedResponse: 'boolean',
    'wizardConnection!': connection,
    wizardRequestParameters: [param],
    wizardResponseParameters: [responseParam]
  },
  ScriptDetails: {
    isPagedResponse: 'boolean',
    'script!': 'string',
    'scriptConnection!': connection,
    scriptRequestParameters: [param],
    scriptResponseParameters: [responseParam]
  },
  RegistrationDetails: {
    failedResultSample: 'string',
    registrationErrorCodes: [{ 'errorCode!': 'string', errorMessage: 'string', errorSolution: 'string' }],
    registrationRequestParameters: [param],
    serviceContentType: [0, 1],
    'serviceHost!': 'string',
    'servicePath!': 'string',
    serviceRequestBodyDescription: 'string',
    successfulResultSample: 'string'
  }
};

function checkDetails(name: (typeof DETAILS)[number], value: unknown): string | undefined {
  return checkRule(value, DETAIL_RULES[name], '');
}

function checkRule(value: unknown, rule: Rule, path: string): string | undefined {
  if (rule === 'string' || rule === 'number' || rule === 'boolean')
    return typeof value === rule ? undefined : `${path} must be a ${rule}`;
  if (Array.isArray(rule) && rule.length === 2) {
    const [low, high] = rule as readonly [number, number];
    return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high
      ? undefined
      : `${path} must be an integer in [${low}, ${high}]`;
  }
  if (Array.isArray(rule)) {
    if (!Array.isArray(value)) return `${path} must be an array`;
    for (const [i, item] of value.entries()) {
      const problem = checkRule(item, (rule as readonly [Rule])[0], `${path}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path} must be an object`;
  const fields = rule as { readonly [key: string]: Rule };
  const object = value as Record<string, unknown>;
  const names = new Map(Object.keys(fields).map(k => [k.replace(/!$/, ''), k]));
  for (const key of Object.keys(object)) if (!names.has(key)) return `${path}.${key} is not a known field`;
  for (const [name, key] of names) {
    const v = object[name];
    if (v === undefined) {
      if (key.endsWith('!')) return `${path}.${name} is required`;
      continue;
    }
    const problem = checkRule(v, fields[key] as Rule, `${path}.${name}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
