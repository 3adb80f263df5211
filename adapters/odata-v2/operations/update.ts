import {
  envelopeError,
  defineOperation,
  writeEntityResponse,
  type EdmModel,
  type EntityOutcome,
  type Operation
} from '../../../src/sdk';
import type { EntityPayload } from '../model/entity-payload';
import { checkEntityAtPath } from '../service/key-match';
import { absentAsNullParam, etagOf, etagParam, resourcePathParam, stringParam } from '../service/params';
import { loadModel } from '../service/service-client';
import {
  bindEnvelope,
  entityBody,
  entityPath,
  ifMatchOf,
  readEntityEnvelope,
  refuseDeep,
  resolveWritePath,
  sendWrites,
  type EntityEnvelope
} from './entity-writes';

interface UpdateInput {
  readonly envelope: EntityEnvelope;
  readonly resourcePath?: string;
  readonly etag?: string;
  readonly absentAsNull: boolean;
}

const SEMANTICS = {
  PUT: 'Update (PUT): replaces the entity; properties absent from the payload become null',
  MERGE: 'Merge (MERGE): changes only the properties in the payload; xsi:nil="true" sets null',
  PATCH: 'Patch (PATCH): like Merge, with the PATCH verb (for services that prefer it)'
} as const;

/**
 * Update/Merge/Patch: the entity is addressed by resourcePath `Products(1)` or by the key properties in the
 * payload; If-Match comes from the etag parameter or the entity element's etag attribute.
 */
export function updateOperation(method: 'PUT' | 'MERGE' | 'PATCH'): Operation {
  return defineOperation<UpdateInput, EntityOutcome[]>({
    description: `${SEMANTICS[method]}. Key from resourcePath (Products(1)) or from the payload's key properties; If-Match from etag or the entity's etag attribute`,
    envelope: 'required',
    params: { ...resourcePathParam, ...etagParam, ...(method === 'PUT' ? absentAsNullParam : {}) },
    read(envelope, params) {
      const resourcePath = stringParam(params, 'resourcePath');
      const etag = etagOf(params);
      return {
        envelope: readEntityEnvelope(envelope, SEMANTICS[method].split(' ')[0] ?? method),
        absentAsNull: method === 'PUT' && params['absentAsNull'] !== false,
        ...(resourcePath === undefined ? {} : { resourcePath }),
        ...(etag === undefined ? {} : { etag })
      };
    },
    async execute(input, ctx) {
      const model = await loadModel(ctx);
      const path = resolveWritePath(model, input.resourcePath?.replace(/\(.*$/s, ''), input.envelope);
      const entities = bindEnvelope(model, input.envelope, path.entitySet);
      const keyed = input.resourcePath !== undefined && /\)\s*$/.test(input.resourcePath);
      if (keyed && entities.length > 1) {
        throw envelopeError(
          `resourcePath "${input.resourcePath ?? ''}" addresses one entity, but the envelope holds ${entities.length}; leave resourcePath empty to address each by its key`,
          input.envelope.entitySet
        );
      }
      const writes = entities.map(entity => {
        refuseDeep(entity, method);
        const target = keyed
          ? keyedPath(model, input.resourcePath ?? '', input.envelope, entity)
          : entityPath(model, entity);
        return {
          method,
          path: target,
          entity,
          entitySet: path.entitySet,
          body: entityBody(ctx, model, entity, input.absentAsNull),
          ...ifMatchOf(input.etag, entity)
        };
      });
      return sendWrites(ctx, model, writes);
    },
    write(outcomes, w) {
      writeEntityResponse(w, outcomes);
    }
  });
}

/** The resource path of a keyed write; the payload's key, when it has one, must be the path's. */
function keyedPath(model: EdmModel, resourcePath: string, envelope: EntityEnvelope, entity: EntityPayload): string {
  const path = resolveWritePath(model, resourcePath, envelope);
  checkEntityAtPath(model, path, resourcePath, entity);
  return path.encoded;
}
