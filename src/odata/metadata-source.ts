import type { ModelSource } from '../connector/connector';
import type { Plan } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import type { ODataDialect } from './dialect';
import { parseMetadata, type EdmModel } from './metadata';
import { sendChecked, serviceRootOf } from './service';

/** What a service found with the wrong connector is, and which connector speaks it. */
const SERVICE_KINDS: Readonly<Record<EdmModel['version'], string>> = {
  '2.0': 'an OData 2.0 service; use the odata-v2 connector',
  '4.0': 'an OData V4 service; use the odata-v4 connector'
};

/**
 * The service's `$metadata` as the model its plans are checked against. The runtime loads it with the
 * invocation's credentials and caches it per {@link ModelSource.key} and credential, with an expiry.
 * Loading refuses a service of the other OData version with MODEL_MISMATCH naming the connector to use.
 * @param dialect - The OData version the connector speaks.
 */
export function metadataSource(dialect: ODataDialect): ModelSource<{ readonly serviceUrl: string }, EdmModel> {
  return {
    // Another sap-client is another system's data and model, so the query counts; a password in the URL does not.
    key: ({ serviceUrl }) => serviceUrl.replace(/#.*$/, '').replace(/^(\w+:\/\/)[^/?#@]*@/, '$1'),
    *load({ serviceUrl }): Plan<EdmModel> {
      const root = serviceRootOf(serviceUrl);
      const request = { method: 'GET', url: `${root}$metadata`, headers: { accept: 'application/xml' } } as const;
      const response = yield* sendChecked(request);
      const model = parseMetadata(response.body.replace(/^\uFEFF/, ''));
      if (model.version !== dialect.version)
        throw new ConnectorError('MODEL_MISMATCH', `${root} is ${SERVICE_KINDS[model.version]}`, { url: request.url });
      return model;
    }
  };
}
