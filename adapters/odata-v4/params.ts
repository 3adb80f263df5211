import { ConnectorError, httpAuthParams, type ParamSpecs, type ResolvedParams } from '../../src/sdk';

/**
 * The X4 OData connector's parameters (as in the SoftProject documentation) plus auth and timeout.
 * They are connector-wide, as X4 configures them per adapter; each operation checks the ones it needs.
 */
export const odataV4Params: ParamSpecs = {
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
  ...httpAuthParams
};

/** Returns a string parameter, or throws PARAMETER_MISSING naming the operation that needs it. */
export function requireParam(params: ResolvedParams, name: string, operation: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConnectorError('PARAMETER_MISSING', `${operation} needs the parameter "${name}"`, { target: name });
  }
  return value.trim();
}

/** Returns an optional string parameter, trimmed; undefined when absent or blank. */
export function optionalParam(params: ResolvedParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
