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
  type EntityProperty,
  type OperationContext,
  type Outcome
} from '../../../src/sdk';
import { keyOfEntity, type EntityPayload } from '../model/entity-payload';
import { failOutcome } from '../output/entity-outcome';
import { formatOf, serviceRootOf } from '../service/params';
import { resolveResourcePath } from '../service/resource-path';
import { loadModel, sendRequest, serviceRequest } from '../service/service-client';
import { answeredEntity, bindEnvelope, entityBody, entityPath, readEntityEnvelope, sendWrites, type EntityEnvelope } from './entity-writes';
import { decodeUpsertResults, upsertBody, type UpsertResult } from './upsert-wire';

interface UpsertInput {
  readonly envelope: EntityEnvelope;
  readonly mode: 'function' | 'generic';
}

/**
 * Upsert: the SuccessFactors `upsert` function import (all entities in one POST, deep and with links; the
 * per-entity results mapped to OK/FailEntities), or, for services without it, read by key then create or merge.
 */
export const upsertOperation = defineOperation<UpsertInput, EntityOutcome[]>({
  description: 'Upsert: <EntitySet><EntityType>…</EntityType>…</EntitySet> (deep, with <link>). upsertMode=function: the SuccessFactors upsert function import, one result per entity; upsertMode=generic: read each by key, then MERGE it or create it',
  envelope: 'required',
  params: {
    upsertMode: { type: 'enum', values: ['function', 'generic'], default: 'function', description: "function: POST to the service's upsert function import (SuccessFactors); generic: GET by key, then MERGE (with its ETag) or POST" }
  },
  read(envelope, params) {
    return { envelope: readEntityEnvelope(envelope, 'Upsert'), mode: params['upsertMode'] === 'generic' ? 'generic' : 'function' };
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

async function upsertByFunction(ctx: OperationContext, model: EdmModel, entities: readonly EntityPayload[]): Promise<Outcome<EntityOutcome[]>> {
  if (!model.imports.has('upsert')) {
    throw new ConnectorError('MODEL_MISMATCH', 'The service has no "upsert" function import (a SuccessFactors feature); use upsertMode=generic', { target: 'upsertMode' });
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
    const items = decodeUpsertResults(response.body, text.startsWith('<') || (!text.startsWith('{') && format === 'atom'));
    const outcomes = entities.map((entity, i) => {
      const result = items.find(r => Number(field(r, 'index')) === i) ?? items[i];
      return upsertOutcome(model, entity, result, request.url);
    });
    return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { status: -1, output: entities.map(e => failOutcome(model, entitySet, e, error)) };
  }
}

function field(result: UpsertResult | undefined, name: string): string | undefined {
  const value = result?.[name];
  return value === null || value === undefined ? undefined : value;
}

/** One SuccessFactors UpsertResult (`{key, status: OK|ERROR, editStatus, message, index, httpCode}`) as an outcome. */
function upsertOutcome(model: EdmModel, entity: EntityPayload, result: UpsertResult | undefined, url: string): EntityOutcome {
  const keys = new Set(keysOf(model, entity.type));
  const properties: EntityProperty[] = entity.properties.filter(p => keys.has(p.name) && p.kind === 'primitive').map(p => ({ name: p.name, ...(p.kind === 'primitive' ? { type: p.type, ...(p.value === null ? {} : { value: p.value }) } : {}), isId: true }));
  const attributes: Array<readonly [string, string | undefined]> = [['key', field(result, 'key')], ['editStatus', field(result, 'editStatus')]];
  const httpCode = field(result, 'httpCode');
  const status = field(result, 'status');
  if (result === undefined) {
    return { ok: false, entitySet: entity.entitySet, qualifiedName: entity.type.qualifiedName, properties, error: new ConnectorError('RESPONSE_INVALID', `${entity.path}: the upsert response has no result for this entity`) };
  }
  if (status !== undefined && status.toUpperCase() === 'OK') {
    return { ok: true, entitySet: entity.entitySet, qualifiedName: entity.type.qualifiedName, ...(httpCode === undefined ? {} : { httpStatus: Number(httpCode) }), properties, attributes };
  }
  const message = field(result, 'message') ?? 'no message';
  const error = new ConnectorError('HTTP_STATUS', `${entity.path}: upsert of ${field(result, 'key') ?? 'the entity'} failed (${status ?? 'no status'}): ${message}`, {
    ...(httpCode === undefined ? {} : { httpStatus: Number(httpCode) }),
    method: 'POST',
    url,
    serviceMessage: message
  });
  return { ok: false, entitySet: entity.entitySet, qualifiedName: entity.type.qualifiedName, ...(httpCode === undefined ? {} : { httpStatus: Number(httpCode) }), properties, attributes, error };
}

/** Generic upsert: GET by key; 404 → POST (deep allowed); found → MERGE with the entity's ETag. */
async function upsertGeneric(ctx: OperationContext, model: EdmModel, entities: readonly EntityPayload[]): Promise<Outcome<EntityOutcome[]>> {
  const outcomes: EntityOutcome[] = [];
  for (const entity of entities) {
    try {
      keyOfEntity(model, entity);
      const path = entityPath(model, entity);
      const probe = serviceRequest(ctx, 'GET', `${path}?$select=${encodeURIComponent(keysOf(model, entity.type).join(','))}`);
      const found = await sendRequest(ctx, probe);
      if (found.status === 404) {
        const created = await sendWrites(ctx, model, [{ method: 'POST', path: resolveResourcePath(model, entity.entitySet).encoded, entity, entitySet: entity.entitySet, body: entityBody(ctx, model, entity, true) }]);
        outcomes.push(...created.output.map(o => ({ ...o, attributes: [['editStatus', 'INSERTED'] as const] })));
      } else if (isSuccess(found.status)) {
        if (entity.navigations.length > 0) throw new ConnectorError('ENVELOPE_INVALID', `${entity.path}: the entity exists, and a merge cannot write nested entities; link them with <link> instead`, { target: entity.path });
        const etag = found.headers['etag'] ?? answeredEntity(ctx, model, entity, found.body)?.etag;
        const merged = await sendWrites(ctx, model, [{ method: 'MERGE', path, entity, entitySet: entity.entitySet, body: entityBody(ctx, model, entity, false), ...(etag === undefined ? {} : { ifMatch: etag }) }]);
        outcomes.push(...merged.output.map(o => ({ ...o, attributes: [['editStatus', 'UPDATED'] as const] })));
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
