import {
  ConnectorError,
  type EntityOutcome,
  httpStatusError,
  isConnectorError,
  isSuccess,
  keysOf,
  type Plan,
  send,
  sendChecked,
  writeEntityResponse
} from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-envelope';
import { type EntityPayload } from '../envelope/entity-payload';
import { failOutcome } from '../output/entity-outcome';
import { v2Operations } from '../params';
import { entityPath, resolveResourcePath } from './resource-path';
import { serviceRequest, v2Model, v2Service, type V2Service } from './v2-service';
import { answeredEntity, sendWrites } from './entity-writes';
import { entityBody, upsertBody } from './entity-body';
import { decodeUpsertResults, upsertOutcomes } from './upsert-wire';
import { isAtomBody } from './decode-records';

/**
 * Upsert: the SuccessFactors `upsert` function import (all entities in one POST, deep and with links; the
 * per-entity results mapped to OK/FailEntities), or, for services without it, read by key then create or merge.
 */
export const upsertOperation = v2Operations.define({
  description:
    'Upsert: <EntitySet><EntityType>…</EntityType>…</EntitySet> (deep, with <link>). upsertMode=function: the SuccessFactors upsert function import, one result per entity; upsertMode=generic: read each by key, then MERGE it or create it',
  envelope: 'required',
  params: {
    upsertMode: {
      type: 'enum',
      values: ['function', 'generic'],
      default: 'function',
      description:
        "function: POST to the service's upsert function import (SuccessFactors); generic: GET by key, then MERGE (with its ETag) or POST"
    }
  },
  model: v2Model,
  read(envelope) {
    return readEntityEnvelope(envelope, 'Upsert');
  },
  *plan(envelope, ctx) {
    const service = v2Service(ctx);
    const entities = bindEnvelope(service.model, envelope);
    const outcomes =
      ctx.params.upsertMode === 'function'
        ? yield* upsertByFunction(service, entities)
        : yield* upsertGeneric(service, entities);
    return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});

function* upsertByFunction(service: V2Service, entities: readonly EntityPayload[]): Plan<EntityOutcome[]> {
  const { model, format } = service;
  if (!model.imports.has('upsert'))
    throw new ConnectorError(
      'MODEL_MISMATCH',
      'The service has no "upsert" function import (a SuccessFactors feature); use upsertMode=generic',
      { target: 'upsertMode' }
    );
  const { body, contentType } = upsertBody(service, entities);
  const request = serviceRequest(service, 'POST', 'upsert', { 'content-type': contentType }, body);
  try {
    const response = yield* sendChecked(request);
    const results = decodeUpsertResults(response.body, isAtomBody(response.body, format));
    return upsertOutcomes(model, entities, results, request.url);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return entities.map(e => failOutcome(model, e.entitySet, e, error));
  }
}

/** Generic upsert: GET by key; 404 → POST (deep allowed); found → MERGE with the entity's ETag. */
function* upsertGeneric(service: V2Service, entities: readonly EntityPayload[]): Plan<EntityOutcome[]> {
  const { model } = service;
  const outcomes: EntityOutcome[] = [];
  for (const entity of entities) {
    try {
      const path = entityPath(model, entity);
      const keys = encodeURIComponent(keysOf(model, entity.type).join(','));
      const probe = serviceRequest(service, 'GET', `${path}?$select=${keys}`);
      const found = yield* send(probe);
      const missing = found.status === 404;
      if (!missing && !isSuccess(found.status)) throw httpStatusError(probe, found);
      if (!missing && entity.navigations.length > 0)
        throw new ConnectorError(
          'ENVELOPE_INVALID',
          `${entity.path}: the entity exists, and a merge cannot write nested entities; link them with <link> instead`,
          { target: entity.path }
        );
      const write = missing
        ? { method: 'POST' as const, path: resolveResourcePath(model, entity.entitySet).encoded, etag: undefined }
        : {
            method: 'MERGE' as const,
            path,
            etag: found.headers['etag'] ?? answeredEntity(service, entity, found.body)?.etag
          };
      const sent = yield* sendWrites(service, [
        { ...write, entity, entitySet: entity.entitySet, body: entityBody(service, entity, missing) }
      ]);
      // An edit status says what was done, so a failed write has none (as SuccessFactors answers `editStatus: null`).
      const editStatus = missing ? 'INSERTED' : 'UPDATED';
      for (const o of sent.output) outcomes.push(o.ok ? { ...o, attributes: [['editStatus', editStatus]] } : o);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      outcomes.push(failOutcome(model, entity.entitySet, entity, error));
    }
  }
  return outcomes;
}
