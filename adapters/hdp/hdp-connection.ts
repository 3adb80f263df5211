import {
  httpAuthParams,
  parseODataError,
  restConnectionParams,
  restOperationsOf,
  throttledHint,
  type HttpResponse,
  type ParamSpecs,
  type ParamsOf,
  type RestConnection
} from '../../src/sdk';

/** Connector-wide parameters: the HDP server and the Basic-auth login of the management API. */
export const hdpParams = {
  serverUrl: {
    type: 'url',
    required: true,
    description: 'Hybrid Data Pipeline server, e.g. https://hdp.example.com:8443'
  },
  ...httpAuthParams,
  ...restConnectionParams('429 Too Many Requests answers (HDP refused the request, so even a create may be sent again)')
} as const satisfies ParamSpecs;

/**
 * Every HDP operation sends to `{serverUrl}/api/mgmt/…` with Basic auth, retrying 429 with bounded backoff
 * (Retry-After honoured); HDP reports errors as `{"error":{"code","message":{"value"}}}`.
 */
export const hdpConnection: RestConnection<ParamsOf<typeof hdpParams>> = {
  baseUrl: 'serverUrl',
  auth: { kind: 'http' },
  retry: { refused: response => response.status === 429 },
  serviceError: parseODataError
};

/** Declares HDP operations: typed parameters, sent through {@link hdpConnection}. */
export const hdpOperation = restOperationsOf(hdpParams, hdpConnection);

/** The permissions (by HDP name and number) each kind of call needs, as the Data Sources API documents them. */
export const HDP_PERMISSIONS = {
  view: 'MgmtAPI (11) and ViewDataSource (2)',
  create: 'MgmtAPI (11) and CreateDataSource (1)',
  modify: 'MgmtAPI (11) and ModifyDataSource (3)',
  delete: 'MgmtAPI (11) and DeleteDataSource (4)'
} as const;

/** The advice for an HDP error status: for 401/403, which permissions the call needs; for 429, the attempts made. */
export function hdpHint(permissions: string): (response: HttpResponse) => string | undefined {
  return response => {
    const status = response.status;
    if (status === 429) return throttledHint(response);
    if (status === 401)
      return `authentication failed: check user and password; the user needs the ${permissions} permissions`;
    if (status === 403) return `forbidden: the user needs the ${permissions} permissions`;
    if (status === 404) return 'not found: check datasourceId and serverUrl';
    return undefined;
  };
}

/** The parameter naming one data source. */
export const datasourceIdParam = {
  datasourceId: { type: 'string', required: true, description: 'ID of the data source' }
} as const satisfies ParamSpecs;
