import {
  ConnectorError,
  httpAuthParams,
  odataRetryParams,
  operationsOf,
  type ParamsOf,
  type ParamSpecs
} from '../../src/sdk';

export const connectionParams = {
  serviceUrl: {
    type: 'url',
    required: true,
    description: 'OData V2 service root, e.g. https://host/sap/opu/odata/sap/API_PRODUCT_SRV/'
  },
  format: {
    type: 'enum',
    values: ['json', 'atom'],
    default: 'json',
    description: 'Wire format: JSON verbose (default) or Atom XML, in both directions'
  },
  csrf: {
    type: 'boolean',
    default: 'true',
    description:
      'Fetch an X-CSRF-Token (HEAD, falling back to GET) for modifying requests and batches; cached per service'
  },
  methodTunneling: {
    type: 'boolean',
    default: 'false',
    description: 'Send PUT/MERGE/PATCH/DELETE as POST with X-HTTP-Method (never inside $batch)'
  },
  ...httpAuthParams,
  ...odataRetryParams
} as const satisfies ParamSpecs;

export type ConnectionParams = ParamsOf<typeof connectionParams>;

export const resourcePathParam = {
  resourcePath: {
    type: 'string',
    description: 'Resource path relative to the service root: Products, Products(1), Categories(1)/Products'
  }
} as const satisfies ParamSpecs;

export const queryOptionsParam = {
  queryOptions: {
    type: 'string',
    description: 'Raw query options, e.g. $filter=Price gt 2.5M&$top=10&$expand=Category (custom options allowed)'
  }
} as const satisfies ParamSpecs;

export const etagParam = {
  etag: {
    type: 'string',
    description: 'If-Match value (an ETag from a read, or *); default: the etag attribute of the entity element, if any'
  }
} as const satisfies ParamSpecs;

export const absentAsNullParam = {
  absentAsNull: {
    type: 'boolean',
    default: 'true',
    description:
      'Create/Update: send declared nullable properties that are absent from the payload as null (SAP CPI behaviour)'
  }
} as const satisfies ParamSpecs;

// Anything but `"…"`, `W/"…"` or `*` (`auto`, a value whose quotes the shell ate) would fail as a 412 that does not say why.
export function checkedEtag(etag: string | undefined): string | undefined {
  if (etag === undefined || etag === '*' || /^(W\/)?".*"$/.test(etag)) return etag;
  throw new ConnectorError(
    'PARAMETER_INVALID',
    `etag "${etag}" is not an ETag: pass one as a read answered it, quotes included (W/"…" or "…"), or * for any version`,
    { target: 'etag' }
  );
}

export const v2Operations = operationsOf(connectionParams);
