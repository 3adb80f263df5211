import { ConnectorError, parseMetadata, serviceIdentity, type EdmModel, type OperationContext } from '../../../src/sdk';
import { sendChecked } from '../request/http';

/** The cache key of a service's parsed `$metadata`: per service URL (with its sap-client) and user. */
export function metadataCacheKey(ctx: OperationContext): string {
  return `odata-v4:metadata:${serviceIdentity(String(ctx.params['serviceUrl']), ctx.identity)}`;
}

/**
 * Returns the service's EDM model, fetching `$metadata` once per service (URL and user) and runtime (a failed fetch
 * is not cached, so the next call retries). Throws MODEL_MISMATCH when the service is not OData V4.
 */
export function loadMetadata(ctx: OperationContext, serviceRoot: string): Promise<EdmModel> {
  return ctx.cache.memo(metadataCacheKey(ctx), async () => {
    const request = { method: 'GET', url: `${serviceRoot}$metadata`, headers: { accept: 'application/xml' } } as const;
    const response = await sendChecked(ctx, request);
    const model = parseMetadata(response.body.replace(/^\uFEFF/, ''));
    if (model.version !== '4.0') {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${serviceRoot} is an OData ${model.version} service; use the odata-v2 connector`,
        { url: request.url }
      );
    }
    return model;
  });
}
