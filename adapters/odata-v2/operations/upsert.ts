import {
  ConnectorError,
  type EntityOutcome,
  httpStatusError,
  isConnectorError,
  isSuccess,
  keysOf,
  type Outcome,
  type Plan,
  send,
  writeEntityResponse
} from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-envelope';
import { type EntityPayload } from '../envelope/entity-payload';
import { failOutcome } from '../output/entity-outcome';
import { v2Operations } from '../params';
import { entityPath, resolveResourcePath } from './resource-path';
import { serviceRequest, v2Model, v2Service, type V2Service } from './v2-service';
import { answeredEntity, entityBody, sendWrites } from './entity-writes';
import { upsertOutcomes } from './upsert-results';
import { decodeUpsertResults, upsertBody } from './upsert-wire';
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
    return yield* ctx.params.upsertMode === 'function'
      ? upsertByFunction(service, entities)
      : upsertGeneric(service, entities);
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});

function* upsertByFunction(service: V2Service, entities: readonly EntityPayload[]): Plan<Outcome<EntityOutcome[]>> {
  const { model, format } = service;
  if (!model.imports.has('upsert')) {
    throw new ConnectorError(
      'MODEL_MISMATCH',
      'The service has no "upsert" function import (a SuccessFactors feature); use upsertMode=generic',
      { target: 'upsertMode' }
    );
  }
  const { body, contentType } = upsertBody(model, entities, format, service.root, service.now());
  const request = serviceRequest(service, 'POST', 'upsert', { 'content-type': contentType }, body);
  const entitySet = entities[0]?.entitySet ?? '';
  try {
    const response = yield* send(request);
    if (!isSuccess(response.status)) {
      const error = httpStatusError(request, response);
      return { status: -1, output: entities.map(e => failOutcome(model, e.entitySet, e, error)) };
    }
    const results = decodeUpsertResults(response.body, isAtomBody(response.body, format));
    const outcomes = upsertOutcomes(model, entities, results, request.url);
    return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { status: -1, output: entities.map(e => failOutcome(model, entitySet, e, error)) };
  }
}

/** An edit status says what was done, so a failed write has none (as SuccessFactors answers `editStatus: null`). */
function withEditStatus(outcome: EntityOutcome, editStatus: 'INSERTED' | 'UPDATED'): EntityOutcome {
  return outcome.ok ? { ...outcome, attributes: [['editStatus', editStatus]] } : outcome;
}

/** Generic upsert: GET by key; 404 → POST (deep allowed); found → MERGE with the entity's ETag. */
function* upsertGeneric(service: V2Service, entities: readonly EntityPayload[]): Plan<Outcome<EntityOutcome[]>> {
  const { model } = service;
  const outcomes: EntityOutcome[] = [];
  for (const entity of entities) {
    try {
      const path = entityPath(model, entity);
      const probe = serviceRequest(
        service,
        'GET',
        `${path}?$select=${encodeURIComponent(keysOf(model, entity.type).join(','))}`
      );
      const found = yield* send(probe);
      if (found.status === 404) {
        const created = yield* sendWrites(service, [
          {
            method: 'POST',
            path: resolveResourcePath(model, entity.entitySet).encoded,
            entity,
            entitySet: entity.entitySet,
            body: entityBody(service, entity, true)
          }
        ]);
        outcomes.push(...created.output.map(o => withEditStatus(o, 'INSERTED')));
      } else if (isSuccess(found.status)) {
        if (entity.navigations.length > 0)
          throw new ConnectorError(
            'ENVELOPE_INVALID',
            `${entity.path}: the entity exists, and a merge cannot write nested entities; link them with <link> instead`,
            { target: entity.path }
          );
        const etag = found.headers['etag'] ?? answeredEntity(service, entity, found.body)?.etag;
        const merged = yield* sendWrites(service, [
          {
            method: 'MERGE',
            path,
            entity,
            entitySet: entity.entitySet,
            body: entityBody(service, entity, false),
            etag
          }
        ]);
        outcomes.push(...merged.output.map(o => withEditStatus(o, 'UPDATED')));
      } else {
        outcomes.push(failOutcome(model, entity.entitySet, entity, httpStatusError(probe, found)));
      }
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      outcomes.push(failOutcome(model, entity.entitySet, entity, error));
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}
