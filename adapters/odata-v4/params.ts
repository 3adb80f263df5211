import {
  ConnectorError,
  httpAuthParams,
  odataRetryParams,
  metadataSource,
  operationsOf,
  v4Dialect,
  type ParamSpecs,
  type ParamsOf
} from '../../src/sdk';

/** Connector-wide, as X4 configures them per adapter (SoftProject documentation); each operation checks the ones it needs. */
export const odataV4Params = {
  serviceUrl: { type: 'url', required: true, description: 'OData service root URL, e.g. https://host/odata/v4/demo/' },
  entitySet: { type: 'string', description: 'Entity set (an envelope attribute entitySet takes precedence)' },
  entityId: {
    type: 'string',
    description: "Entity key: 1, 'abc', abc (string keys are quoted for you) or ID=1,Name='x' for composite keys"
  },
  navigationProperty: {
    type: 'string',
    description: 'Navigation property to read from the entity (ReadNavigationEntity)'
  },
  association: { type: 'string', description: 'Navigation property whose references ($ref) to read (ReadAssociation)' },
  singletonId: { type: 'string', description: 'Singleton name' },
  contentTypeMetadata: {
    type: 'enum',
    values: ['application/xml', 'application/json'],
    default: 'application/xml',
    description: 'Format of the service metadata ReadMetadata returns: EDMX (XML) or CSDL JSON'
  },
  updateMethod: {
    type: 'enum',
    values: ['PATCH', 'PUT'],
    default: 'PATCH',
    description: 'Update verb: PATCH (merge, default) or PUT (replace)'
  },
  etag: {
    type: 'string',
    description:
      "ETag sent as If-Match on updates and deletes: a value such as W/\"1\", '*' to overwrite, or 'auto' to read the current ETag first"
  },
  csrf: {
    type: 'boolean',
    default: 'true',
    description:
      'Fetch an X-CSRF-Token (HEAD, falling back to GET) before modifying requests, as SAP services require; cached per service'
  },
  mediaProperty: {
    type: 'string',
    description:
      'Stream property holding the media (default: the only Edm.Stream property, or $value for HasStream types)'
  },
  ...httpAuthParams,
  ...odataRetryParams
} as const satisfies ParamSpecs;

export type V4Params = ParamsOf<typeof odataV4Params>;

export const v4 = operationsOf(odataV4Params);

export const serviceModel = metadataSource(v4Dialect);

export function required(value: string | undefined, name: string, operation: string): string {
  if (value === undefined)
    throw new ConnectorError('PARAMETER_MISSING', `${operation} needs the parameter "${name}"`, { target: name });
  return value;
}
