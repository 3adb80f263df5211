import {
  CREDENTIAL_KEY,
  httpAuthParams,
  retryMiddleware,
  retryOptionsOf,
  retryParams,
  type RetryTestOptions,
  throttledHint,
  type RestConnection,
  type HttpResponse,
  type ParamSpecs
} from '../../src/sdk';

/** Connector-wide parameters: the HDP server and the Basic-auth login of the management API. */
export const hdpParams: ParamSpecs = {
  serverUrl: {
    type: 'url',
    required: true,
    description: 'Hybrid Data Pipeline server, e.g. https://hdp.example.com:8443'
  },
  ...httpAuthParams,
  ...retryParams('429 Too Many Requests answers (HDP refused the request, so even a create may be sent again)')
};

/**
 * Every HDP operation sends to `{serverUrl}/api/mgmt/…`, retrying 429 with bounded backoff (Retry-After
 * honoured); Basic auth and the timeout come from prepareTransport.
 */
export function createHdpConnection(options: RetryTestOptions = {}): RestConnection {
  return {
    baseUrl: params => String(params['serverUrl']),
    middlewares: params => [retryMiddleware(retryOptionsOf(params, response => response.status === 429, options.sleep))]
  };
}

/** The connection the bundled connector uses. */
export const hdpConnection: RestConnection = createHdpConnection();

/** The permissions (by HDP name and number) each kind of call needs, as the Data Sources API documents them. */
export const HDP_PERMISSIONS = {
  view: 'MgmtAPI (11) and ViewDataSource (2)',
  create: 'MgmtAPI (11) and CreateDataSource (1)',
  modify: 'MgmtAPI (11) and ModifyDataSource (3)',
  delete: 'MgmtAPI (11) and DeleteDataSource (4)'
} as const;

/** The hint for an HDP error status: for 401/403, which permissions the call needs; for 429, the attempts made. */
export function hdpStatusHint(response: HttpResponse, permissions: string): string | undefined {
  const status = response.status;
  if (status === 429) return throttledHint(response);
  if (status === 401)
    return `authentication failed: check user and password; the user needs the ${permissions} permissions`;
  if (status === 403) return `forbidden: the user needs the ${permissions} permissions`;
  if (status === 404) return 'not found: check datasourceId and serverUrl';
  return undefined;
}

/** Returns a JSON value with every member whose name looks like a credential replaced by '***'. */
export function maskCredentials(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskCredentials);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      CREDENTIAL_KEY.test(k) && typeof v === 'string' && v !== '' ? '***' : maskCredentials(v)
    ])
  );
}

/** The credential values inside a request body (for redaction). */
export function credentialsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(credentialsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    CREDENTIAL_KEY.test(k) && typeof v === 'string' ? [v] : credentialsIn(v)
  );
}
