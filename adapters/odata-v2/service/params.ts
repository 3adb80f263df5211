import { ConnectorError, httpAuthParams, type ParamSpecs, type ResolvedParams } from '../../../src/sdk';

/** Connector-wide parameters: the service, the wire format, CSRF, tunnelling and auth. */
export const connectionParams: ParamSpecs = {
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
  ...httpAuthParams
};

/** The resource path parameter most operations take. */
export const resourcePathParam: ParamSpecs = {
  resourcePath: {
    type: 'string',
    description: 'Resource path relative to the service root: Products, Products(1), Categories(1)/Products'
  }
};

/** Query options as CPI takes them: one raw string. */
export const queryOptionsParam: ParamSpecs = {
  queryOptions: {
    type: 'string',
    description: 'Raw query options, e.g. $filter=Price gt 2.5M&$top=10&$expand=Category (custom options allowed)'
  }
};

/**
 * The etag parameter, checked: an ETag is quoted (`"…"`, `W/"…"`) or `*`; anything else (`auto`, a value
 * whose quotes the shell ate) would go out as If-Match and fail as a 412 that does not say why.
 */
export function etagOf(params: ResolvedParams): string | undefined {
  const etag = stringParam(params, 'etag');
  if (etag === undefined || etag === '*' || /^(W\/)?".*"$/.test(etag)) return etag;
  throw new ConnectorError(
    'PARAMETER_INVALID',
    `etag "${etag}" is not an ETag: pass one as a read answered it, quotes included (W/"…" or "…"), or * for any version`,
    { target: 'etag' }
  );
}

/** ETag override for Update/Merge/Patch/Delete. */
export const etagParam: ParamSpecs = {
  etag: {
    type: 'string',
    description: 'If-Match value (an ETag from a read, or *); default: the etag attribute of the entity element, if any'
  }
};

/** Whether absent properties are sent as null on Create/Update. */
export const absentAsNullParam: ParamSpecs = {
  absentAsNull: {
    type: 'boolean',
    default: 'true',
    description:
      'Create/Update: send declared nullable properties that are absent from the payload as null (SAP CPI behaviour)'
  }
};

/** The service root with exactly one trailing slash. */
export function serviceRootOf(params: ResolvedParams): string {
  return `${String(params['serviceUrl'])
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')}/`;
}

/** Reads the wire format parameter. */
export function formatOf(params: ResolvedParams): 'json' | 'atom' {
  return params['format'] === 'atom' ? 'atom' : 'json';
}

/** Optional string parameter, undefined when absent or blank. */
export function stringParam(params: ResolvedParams, name: string): string | undefined {
  const v = params[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
