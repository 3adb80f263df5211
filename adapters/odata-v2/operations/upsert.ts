import {
  childrenOf,
  ConnectorError,
  envelopeError,
  httpStatusError,
  isConnectorError,
  isLosslessObject,
  isNil,
  isSuccess,
  JsonNumber,
  keysOf,
  send,
  sendChecked,
  type EdmModel,
  type EntityOutcome,
  type LosslessJson,
  type Plan,
  type XmlElement
} from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope, type EntityPayload } from '../envelope/entity-payload';
import { v2Operations } from '../params';
import { entryProperties, isAtomBody, parseAtomBody, parseJsonBody, unwrapV2Json } from './decode-records';
import { entityBody, upsertBody } from './entity-body';
import { answeredEntity, entityWriteOperation, failOutcome, keyProperties, sendWrites } from './entity-writes';
import { entityPath, resolveResourcePath } from './resource-path';
import { serviceRequest, v2Service, type V2Service } from './v2-service';

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
  ...entityWriteOperation,
  read: envelope => readEntityEnvelope(envelope, 'Upsert'),
  *plan(envelope, ctx) {
    const service = v2Service(ctx);
    const entities = bindEnvelope(service.model, envelope);
    const outcomes =
      ctx.params.upsertMode === 'function'
        ? yield* upsertByFunction(service, entities)
        : yield* upsertGeneric(service, entities);
    return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
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
        throw envelopeError(
          `${entity.path}: the entity exists, and a merge cannot write nested entities; link them with <link> instead`,
          entity.path
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

/** A SuccessFactors UpsertResult (`key`, `status`, `editStatus`, `message`, `index`, `httpCode`) as text. */
interface UpsertResult {
  readonly fields: Readonly<Record<string, string | null>>;
  readonly inline: readonly UpsertResult[];
}

// Atom: a `<feed>`, one `<entry>`, or `<d:upsert><d:element>…`; `inlineResults` may be null, a list, or wrapped
// in `results` (JSON) / `element`s (Atom).
function decodeUpsertResults(body: string, atom: boolean): UpsertResult[] {
  if (!atom) return unwrapV2Json(parseJsonBody(body)).items.flatMap(v => jsonResults(v));
  const root = parseAtomBody(body);
  const records = root.name === 'feed' ? childrenOf(root, 'entry') : root.name === 'entry' ? [root] : root.children;
  return records.map(record => atomResult(record.name === 'entry' ? entryProperties(record) : record));
}

function jsonResults(value: LosslessJson | undefined, out: UpsertResult[] = []): UpsertResult[] {
  if (Array.isArray(value)) for (const v of value) jsonResults(v, out);
  else if (!isLosslessObject(value)) return out;
  else if (!('key' in value) && !('status' in value) && 'results' in value) jsonResults(value['results'], out);
  else {
    const fields = Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'inlineResults')
        .map(([k, v]) => [k, v === null || (typeof v === 'object' && !(v instanceof JsonNumber)) ? null : String(v)])
    );
    out.push({ fields, inline: jsonResults(value['inlineResults']) });
  }
  return out;
}

function atomResult(properties: XmlElement | undefined): UpsertResult {
  const members = properties?.children ?? [];
  const fields = Object.fromEntries(
    members
      .filter(p => p.name !== 'inlineResults')
      .map(p => [p.name, isNil(p) || p.children.length > 0 ? null : (p.text ?? '')])
  );
  const inline = members.find(p => p.name === 'inlineResults');
  return { fields, inline: inline === undefined || isNil(inline) ? [] : atomResults(inline) };
}

// <d:inlineResults><d:element><d:key>…</d:key>…</d:element></d:inlineResults>, possibly with one more wrapper level
function atomResults(container: XmlElement): UpsertResult[] {
  return container.children.flatMap(child =>
    child.children.some(c => c.name === 'key' || c.name === 'status') ? [atomResult(child)] : atomResults(child)
  );
}

// Matched by `index` else by position, each followed by its `inlineResults` (a deep upsert's nested entities); a
// result for no entity sent is still reported, under its key's entity set.
function upsertOutcomes(
  model: EdmModel,
  entities: readonly EntityPayload[],
  results: readonly UpsertResult[],
  url: string,
  inlineOf?: string,
  out: EntityOutcome[] = []
): EntityOutcome[] {
  const matched = new Set<UpsertResult>();
  const add = (entity: EntityPayload | undefined, result: UpsertResult | undefined): void => {
    out.push(upsertOutcome(model, entity, result, url, inlineOf));
    if (result === undefined || result.inline.length === 0) return;
    const nested = entity?.navigations.flatMap(n => n.entities) ?? [];
    upsertOutcomes(model, nested, result.inline, url, field(result, 'key') ?? entity?.path ?? 'the entity', out);
  };
  entities.forEach((entity, i) => {
    const result =
      results.find(r => Number(field(r, 'index')) === i && !matched.has(r)) ??
      (matched.has(results[i] as UpsertResult) ? undefined : results[i]);
    if (result !== undefined) matched.add(result);
    add(entity, result);
  });
  for (const result of results) if (!matched.has(result)) add(undefined, result);
  return out;
}

function field(result: UpsertResult | undefined, name: string): string | undefined {
  return result?.fields[name] ?? undefined;
}

function upsertOutcome(
  model: EdmModel,
  entity: EntityPayload | undefined,
  result: UpsertResult | undefined,
  url: string,
  inlineOf: string | undefined
): EntityOutcome {
  const key = field(result, 'key');
  const entitySet = entity?.entitySet ?? key?.split('/')[0] ?? '';
  const qualifiedName = entity?.type.qualifiedName ?? model.entitySets.get(entitySet);
  const where =
    entity?.path ?? `${inlineOf === undefined ? '' : `inline result of ${inlineOf}: `}${key ?? 'an entity'}`;
  const attributes: Array<readonly [string, string | undefined]> = [
    ['key', key],
    ['editStatus', field(result, 'editStatus')],
    ['inlineOf', inlineOf]
  ];
  const httpCode = field(result, 'httpCode');
  const httpStatus = httpCode === undefined ? {} : { httpStatus: Number(httpCode) };
  const base = {
    entitySet,
    ...(qualifiedName === undefined ? {} : { qualifiedName }),
    ...httpStatus,
    properties: keyProperties(model, entity),
    attributes
  };
  if (result === undefined) {
    const error = new ConnectorError('RESPONSE_INVALID', `${where}: the upsert response has no result for this entity`);
    return { ok: false, ...base, error };
  }
  const status = field(result, 'status');
  if (status !== undefined && status.toUpperCase() === 'OK') return { ok: true, ...base };
  const message = field(result, 'message') ?? 'no message';
  const error = new ConnectorError(
    'HTTP_STATUS',
    `${where}: upsert of ${key ?? 'the entity'} failed (${status ?? 'no status'}): ${message}`,
    { ...httpStatus, method: 'POST', url, serviceMessage: message }
  );
  return { ok: false, ...base, error };
}
