import {
  ConnectorError,
  defineOperation,
  envelopeError,
  writeEntityResponse,
  type EntityOutcome,
  type XmlElement
} from '../../../src/sdk';
import type { EntityPayload } from '../model/entity-payload';
import { checkEntityAtPath } from '../service/key-match';
import { etagOf, etagParam, resourcePathParam, stringParam } from '../service/params';
import { resolveResourcePath } from '../service/resource-path';
import { loadModel } from '../service/service-client';
import {
  bindEnvelope,
  entityPath,
  ifMatchOf,
  readEntityEnvelope,
  resolveWritePath,
  sendWrites,
  type EntityEnvelope,
  type EntityWrite
} from './entity-writes';

interface DeleteInput {
  readonly resourcePath?: string;
  readonly envelope?: EntityEnvelope;
  readonly etag?: string;
}

/** Delete (DELETE): the key from resourcePath `Products(1)`, or from the key properties of each entity element. */
export const deleteOperation = defineOperation<DeleteInput, EntityOutcome[]>({
  description:
    'Delete (DELETE): resourcePath Products(1), or an envelope <Products><Product><ID>1</ID></Product>…</Products> (one DELETE per entity); If-Match from etag or the etag attribute',
  envelope: 'optional',
  params: { ...resourcePathParam, ...etagParam },
  read(envelope: XmlElement | undefined, params) {
    const resourcePath = stringParam(params, 'resourcePath');
    const etag = etagOf(params);
    if (envelope === undefined && (resourcePath === undefined || !/\)\s*$/.test(resourcePath))) {
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `Delete needs the key of the entity: resourcePath like Products(1)${resourcePath === undefined ? '' : ` (got "${resourcePath}")`}, or an envelope <Products><Product><ID>1</ID></Product></Products>`,
        { target: 'resourcePath' }
      );
    }
    return {
      ...(resourcePath === undefined ? {} : { resourcePath }),
      ...(envelope === undefined ? {} : { envelope: readEntityEnvelope(envelope, 'Delete') }),
      ...(etag === undefined ? {} : { etag })
    };
  },
  async execute(input, ctx) {
    const model = await loadModel(ctx);
    if (input.envelope === undefined) {
      const path = resolveResourcePath(model, input.resourcePath ?? '');
      if (path.collection || path.count)
        throw new ConnectorError(
          'PARAMETER_INVALID',
          `resourcePath "${input.resourcePath ?? ''}" does not address one entity; Delete needs its key, e.g. Products(1)`,
          { target: 'resourcePath' }
        );
      return sendWrites(ctx, model, [deleteOf(path.encoded, undefined, path.entitySet, input.etag)]);
    }
    const envelope = input.envelope;
    if (input.resourcePath === undefined) {
      const entities = bindEnvelope(model, envelope);
      return sendWrites(
        ctx,
        model,
        entities.map(entity => deleteOf(entityPath(model, entity), entity, envelope.entitySet, input.etag))
      );
    }
    // The path is where the DELETE goes, so it must name exactly the entity the envelope describes.
    const path = resolveWritePath(model, input.resourcePath, envelope);
    if (path.collection || path.count)
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `resourcePath "${input.resourcePath}" does not address one entity; Delete needs its key, e.g. ${path.entitySet}(1)`,
        { target: 'resourcePath' }
      );
    const entities = bindEnvelope(model, envelope, path.entitySet);
    const [entity] = entities;
    if (entity === undefined || entities.length > 1)
      throw envelopeError(
        `resourcePath addresses one entity, but the envelope holds ${entities.length}`,
        envelope.entitySet
      );
    checkEntityAtPath(model, path, input.resourcePath, entity);
    return sendWrites(ctx, model, [deleteOf(path.encoded, entity, envelope.entitySet, input.etag)]);
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});

function deleteOf(
  path: string,
  entity: EntityPayload | undefined,
  entitySet: string,
  etag: string | undefined
): EntityWrite {
  return { method: 'DELETE', path, entity, entitySet, ...ifMatchOf(etag, entity) };
}
