import { ConnectorError } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope, type EntityPayload } from '../envelope/entity-payload';
import { checkedEtag, etagParam, resourcePathParam, v2Operations } from '../params';
import { entityPath } from './resource-path';
import { v2Service } from './v2-service';
import { entityAtPath, type EntityWrite, entityWriteOperation, sendWrites } from './entity-writes';

export const deleteOperation = v2Operations.define({
  description:
    'Delete (DELETE): resourcePath Products(1), or an envelope <Products><Product><ID>1</ID></Product>…</Products> (one DELETE per entity); If-Match from etag or the etag attribute',
  envelope: 'optional',
  params: { ...resourcePathParam, ...etagParam },
  ...entityWriteOperation,
  read(envelope, { resourcePath, ...params }) {
    const etag = checkedEtag(params.etag);
    if (envelope === undefined && (resourcePath === undefined || !/\)\s*$/.test(resourcePath))) {
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `Delete needs the key of the entity: resourcePath like Products(1)${resourcePath === undefined ? '' : ` (got "${resourcePath}")`}, or an envelope <Products><Product><ID>1</ID></Product></Products>`,
        { target: 'resourcePath' }
      );
    }
    return { envelope: envelope === undefined ? undefined : readEntityEnvelope(envelope, 'Delete'), etag };
  },
  *plan({ envelope, etag }, ctx) {
    const service = v2Service(ctx);
    const { model } = service;
    const { resourcePath } = ctx.params;
    const deleteOf = (path: string, entity: EntityPayload | undefined, entitySet: string): EntityWrite => ({
      method: 'DELETE',
      path,
      entity,
      entitySet,
      etag: etag ?? entity?.etag
    });
    if (resourcePath === undefined) {
      const entities = envelope === undefined ? [] : bindEnvelope(model, envelope);
      return yield* sendWrites(
        service,
        entities.map(e => deleteOf(entityPath(model, e), e, e.entitySet))
      );
    }
    // The path is where the DELETE goes, so it must name exactly the entity the envelope describes.
    const { path, entity } = entityAtPath(model, resourcePath, envelope, 'Delete', entitySet =>
      envelope === undefined ? [] : bindEnvelope(model, envelope, entitySet)
    );
    return yield* sendWrites(service, [deleteOf(path.encoded, entity, path.entitySet)]);
  }
});
