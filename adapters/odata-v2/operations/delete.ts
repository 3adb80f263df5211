import { ConnectorError, envelopeError } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-envelope';
import type { EntityPayload } from '../envelope/entity-payload';
import { checkedEtag, etagParam, resourcePathParam, v2Operations } from '../params';
import { checkEntityAtPath } from './key-match';
import { entityPath, resolveResourcePath } from './resource-path';
import { v2Service } from './v2-service';
import { entityWriteOperation, resolveWritePath, sendWrites, type EntityWrite } from './entity-writes';

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
    if (envelope !== undefined && resourcePath === undefined) {
      const entities = bindEnvelope(model, envelope);
      return yield* sendWrites(
        service,
        entities.map(e => deleteOf(entityPath(model, e), e, envelope.entitySet))
      );
    }
    const path =
      envelope === undefined
        ? resolveResourcePath(model, resourcePath ?? '')
        : resolveWritePath(model, resourcePath, envelope);
    if (path.collection || path.count)
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `resourcePath "${resourcePath ?? ''}" does not address one entity; Delete needs its key, e.g. ${path.entitySet}(1)`,
        { target: 'resourcePath' }
      );
    if (envelope === undefined) return yield* sendWrites(service, [deleteOf(path.encoded, undefined, path.entitySet)]);
    // The path is where the DELETE goes, so it must name exactly the entity the envelope describes.
    const entities = bindEnvelope(model, envelope, path.entitySet);
    const [entity] = entities;
    if (entity === undefined || entities.length > 1)
      throw envelopeError(
        `resourcePath addresses one entity, but the envelope holds ${entities.length}`,
        envelope.entitySet
      );
    checkEntityAtPath(model, path, resourcePath ?? '', entity);
    return yield* sendWrites(service, [deleteOf(path.encoded, entity, envelope.entitySet)]);
  }
});
