import { envelopeError, type Operation } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-envelope';
import type { EntityPayload } from '../envelope/entity-payload';
import { absentAsNullParam, checkedEtag, etagParam, resourcePathParam, v2Operations } from '../params';
import { checkEntityAtPath } from './key-match';
import { v2Service } from './v2-service';
import { entityBody, entityWriteOperation, refuseDeep, resolveWritePath, sendWrites } from './entity-writes';
import { entityPath } from './resource-path';

const SEMANTICS = {
  PUT: 'Update (PUT): replaces the entity; properties absent from the payload become null',
  MERGE: 'Merge (MERGE): changes only the properties in the payload; xsi:nil="true" sets null',
  PATCH: 'Patch (PATCH): like Merge, with the PATCH verb (for services that prefer it)'
} as const;

export function updateOperation(method: 'PUT' | 'MERGE' | 'PATCH'): Operation {
  return v2Operations.define({
    description: `${SEMANTICS[method]}. Key from resourcePath (Products(1)) or from the payload's key properties; If-Match from etag or the entity's etag attribute`,
    envelope: 'required',
    params: { ...resourcePathParam, ...etagParam, ...(method === 'PUT' ? absentAsNullParam : {}) },
    ...entityWriteOperation,
    read(envelope, params) {
      return {
        envelope: readEntityEnvelope(envelope, SEMANTICS[method].split(' ')[0] ?? method),
        etag: checkedEtag(params.etag)
      };
    },
    *plan({ envelope, etag }, ctx) {
      const service = v2Service(ctx);
      const { model } = service;
      const { resourcePath } = ctx.params;
      const absentAsNull = method === 'PUT' && ctx.params.absentAsNull !== false;
      const path = resolveWritePath(model, resourcePath?.replace(/\(.*$/s, ''), envelope);
      const entities = bindEnvelope(model, envelope, path.entitySet);
      const keyed = resourcePath !== undefined && /\)\s*$/.test(resourcePath) ? resourcePath : undefined;
      if (keyed !== undefined && entities.length > 1) {
        throw envelopeError(
          `resourcePath "${keyed}" addresses one entity, but the envelope holds ${entities.length}; leave resourcePath empty to address each by its key`,
          envelope.entitySet
        );
      }
      // A keyed write goes to resourcePath; the payload's key, when it has one, must be the path's.
      const keyedPath = (written: string, entity: EntityPayload): string => {
        const at = resolveWritePath(model, written, envelope);
        checkEntityAtPath(model, at, written, entity);
        return at.encoded;
      };
      const writes = entities.map(entity => {
        refuseDeep(entity, method);
        return {
          method,
          path: keyed === undefined ? entityPath(model, entity) : keyedPath(keyed, entity),
          entity,
          entitySet: path.entitySet,
          body: entityBody(service, entity, absentAsNull),
          etag: etag ?? entity.etag
        };
      });
      return yield* sendWrites(service, writes);
    }
  });
}
