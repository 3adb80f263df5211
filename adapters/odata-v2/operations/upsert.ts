import {
  ConnectorError,
  defineOperation,
  httpStatusError,
  isConnectorError,
  isSuccess,
  keysOf,
  writeEntityResponse,
  type EdmModel,
  type EntityOutcome,
  type OperationContext,
  type Outcome
} from '../../../src/sdk';
import { keyOfEntity, type EntityPayload } from '../model/entity-payload';
import { failOutcome } from '../output/entity-outcome';
import { formatOf, serviceRootOf } from '../service/params';
import { resolveResourcePath } from '../service/resource-path';
import { loadModel, sendRequest, serviceRequest } from '../service/service-client';
import {
  answeredEntity,
  bindEnvelope,
  entityBody,
  entityPath,
  readEntityEnvelope,
  sendWrites,
  type EntityEnvelope
} from './entity-writes';
import { upsertOutcomes } from './upsert-results';
import { decodeUpsertResults, upsertBody } from './upsert-wire';

interface UpsertInput {
  readonly envelope: EntityEnvelope;
  readonly mode: 'function' | 'generic';
}

/**
 * Upsert: the SuccessFactors `upsert` function import (all entities in one POST, deep and with links; the
 * per-entity results mapped to OK/FailEntities), or, for services without it, read by key then create or merge.
 */
export const upsertOperation = defineOperation<UpsertInput, EntityOutcome[]>({
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
  read(envelope, params) {
    return {
      envelope: readEntityEnvelope(envelope, 'Upsert'),
      mode: params['upsertMode'] === 'generic' ? 'generic' : 'function'
    };
  },
  async execute(input, ctx) {
    const model = await loadModel(ctx);
    const entities = bindEnvelope(model, input.envelope);
    return input.mode === 'function' ? upsertByFunction(ctx, model, entities) : upsertGeneric(ctx, model, entities);
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});

async function upsertByFunction(
  ctx: OperationContext,
  model: EdmModel,
  entities: readonly EntityPayload[]
): Promise<Outcome<EntityOutcome[]>> {
  if (!model.imports.has('upsert')) {
    throw new ConnectorError(
      'MODEL_MISMATCH',
      'The service has no "upsert" function import (a SuccessFactors feature); use upsertMode=generic',
      { target: 'upsertMode' }
    );
  }
  const format = formatOf(ctx.params);
  const { body, contentType } = upsertBody(model, entities, format, serviceRootOf(ctx.params), ctx.now());
  const request = serviceRequest(ctx, 'POST', 'upsert', { 'content-type': contentType }, body);
  const entitySet = entities[0]?.entitySet ?? '';
  try {
    const response = await sendRequest(ctx, request);
    if (!isSuccess(response.status)) {
      const error = httpStatusError(request, response);
      return { status: -1, output: entities.map(e => failOutcome(model, e.entitySet, e, error)) };
    }
    // the body's own shape decides, since a service may answer JSON to an Atom request or the reverse
    const text = response.body.trim();
    const results = decodeUpsertResults(
      response.body,
      text.startsWith('<') || (!text.startsWith('{') && format === 'atom')
    );
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
async function upsertGeneric(
  ctx: OperationContext,
  model: EdmModel,
  entities: readonly EntityPayload[]
): Promise<Outcome<EntityOutcome[]>> {
  const outcomes: EntityOutcome[] = [];
  for (const entity of entities) {
    try {
      keyOfEntity(model, entity);
      const path = entityPath(model, entity);
      const probe = serviceRequest(
        ctx,
        'GET',
        `${path}?$select=${encodeURIComponent(keysOf(model, entity.type).join(','))}`
      );
      const found = await sendRequest(ctx, probe);
      if (found.status === 404) {
        const created = await sendWrites(ctx, model, [
          {
            method: 'POST',
            path: resolveResourcePath(model, entity.entitySet).encoded,
            entity,
            entitySet: entity.entitySet,
            body: entityBody(ctx, model, entity, true)
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
        const etag = found.headers['etag'] ?? answeredEntity(ctx, model, entity, found.body)?.etag;
        const merged = await sendWrites(ctx, model, [
          {
            method: 'MERGE',
            path,
            entity,
            entitySet: entity.entitySet,
            body: entityBody(ctx, model, entity, false),
            ...(etag === undefined ? {} : { ifMatch: etag })
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
