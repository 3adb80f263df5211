import type { Operation } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-payload';
import { absentAsNullParam, checkedEtag, etagParam, resourcePathParam, v2Operations } from '../params';
import { v2Service } from './v2-service';
import { entityAtPath, entityWriteOperation, refuseDeep, resolveWritePath, sendWrites } from './entity-writes';
import { entityBody } from './entity-body';
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
      // A keyed resourcePath is where the write goes: it must name the envelope's one entity.
      const keyed =
        resourcePath !== undefined && /\)\s*$/.test(resourcePath)
          ? entityAtPath(model, resourcePath, envelope, method, () => entities).path
          : undefined;
      const writes = entities.map(entity => {
        refuseDeep(entity, method);
        return {
          method,
          path: keyed?.encoded ?? entityPath(model, entity),
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
