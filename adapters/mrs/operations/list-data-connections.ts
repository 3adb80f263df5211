import {
  defineRestOperation,
  type RestOperationSpec,
  isSuccess,
  objectResult,
  parseJsonBody,
  serviceFailure,
  type ParamSpecs
} from '../../../src/sdk';
import { SECRET_SOURCE_KEY, SOURCE_TYPES } from '../data-connector-envelope';
import { mrsConnection, validateMrsParams } from '../mrs-connection';
import { mrsStatusHint, parseHuaweiError } from '../mrs-error';

const filterParams: ParamSpecs = {
  connectorId: { type: 'string', description: 'Only the connection with this ID' },
  sourceType: { type: 'enum', values: SOURCE_TYPES, description: 'Only connections of this type' },
  connectorName: { type: 'string', description: 'Only connections of this name' },
  limit: { type: 'integer', min: 1, max: 1000, description: 'Results per page (1-1000)' },
  offset: { type: 'integer', min: 0, description: 'Start offset of the page' },
  available: { type: 'boolean', description: 'Only valid (true) or invalid (false) connections' }
};

interface ListInput {
  readonly projectId: string;
  readonly query: ReadonlyArray<readonly [string, string | undefined]>;
}

const opt = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

/** Parses each `source_info` JSON string into an object, with any credential (password, key, token) shown as '***'. */
export function revealSourceInfo(connector: unknown): unknown {
  if (connector === null || typeof connector !== 'object') return connector;
  const c = connector as Record<string, unknown>;
  if (typeof c['source_info'] !== 'string') return c;
  try {
    const info = JSON.parse(c['source_info']) as Record<string, unknown>;
    const masked = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, SECRET_SOURCE_KEY.test(k) ? '***' : v]));
    return { ...c, source_info: masked };
  } catch {
    return c;
  }
}

/** ListDataConnections: `GET /v2/{project_id}/data-connectors` with the documented filters → `<Object>`. */
export const listDataConnectionsSpec: RestOperationSpec<ListInput> = {
  description: 'Lists MRS data connections (source_info as an object, passwords masked)',
  params: filterParams,
  envelope: 'none',
  connection: mrsConnection,
  method: 'GET',
  path: '/v2/{project_id}/data-connectors',
  read: (_, params) => ({
    projectId: validateMrsParams(params),
    query: [
      ['connector_id', opt(params['connectorId'])],
      ['source_type', opt(params['sourceType'])],
      ['connector_name', opt(params['connectorName'])],
      ['limit', opt(params['limit'])],
      ['offset', opt(params['offset'])],
      ['available', opt(params['available'])]
    ]
  }),
  request: input => ({ pathParams: { project_id: input.projectId }, query: input.query }),
  decode(response, call) {
    if (!isSuccess(response.status))
      throw serviceFailure(call.request, response, parseHuaweiError(response.body), mrsStatusHint(response));
    const body = parseJsonBody(call.request, response) as Record<string, unknown>;
    const list = Array.isArray(body['data_connectors']) ? body['data_connectors'].map(revealSourceInfo) : [];
    return {
      status: 1,
      output: objectResult({ total_count: body['total_count'] ?? list.length, data_connectors: list })
    };
  }
};

export const listDataConnections = defineRestOperation(listDataConnectionsSpec);
