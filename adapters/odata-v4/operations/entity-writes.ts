import {
  ConnectorError,
  currentEtag,
  decodeJsonObject,
  entityTypeOfSet,
  entityTypeOfSingleton,
  etagOfEntity,
  headerOf,
  httpStatusError,
  isSuccess,
  send,
  v4Dialect,
  writeEntityResponse,
  type EdmModel,
  type EntityOutcome,
  type HttpMethod,
  type Operation,
  type Outcome,
  type Plan
} from '../../../src/sdk';
import { readEntityElements, type EnvelopeEntity } from '../envelope/entity-envelope';
import { entityProperties } from '../output/entity-properties';
import { rootOf, serviceModel, v4, type V4Params } from '../params';
import { prepareWrite, type PreparedWrite, type WriteTarget } from './write-request';

type Kind = 'Create' | 'Update' | 'Delete';
type Addressed = 'Entity' | 'Singleton';

/**
 * A singleton always exists once the service runs (V4 has no POST to a singleton), so CreateSingleton replaces
 * its content (PUT); updates PATCH (PUT with updateMethod=PUT); deletes send DELETE.
 */
function methodOf(kind: Kind, addressed: Addressed, params: V4Params): HttpMethod {
  if (kind === 'Create') return addressed === 'Entity' ? 'POST' : 'PUT';
  if (kind === 'Delete') return 'DELETE';
  return params.updateMethod === 'PUT' ? 'PUT' : v4Dialect.partialUpdateMethod;
}

const DESCRIPTIONS: Readonly<Record<Addressed, (kind: Kind) => string>> = {
  Entity: kind => `${kind}s entities of an entity set (one request per <Entity>)`,
  Singleton: kind =>
    `${kind}s a singleton (${kind === 'Create' ? 'PUT, singletons cannot be POSTed' : kind === 'Update' ? 'PATCH or PUT' : 'DELETE'})`
};

/**
 * CreateEntity (POST Set), UpdateEntity (PATCH, or PUT with updateMethod=PUT, to Set(key)) and DeleteEntity
 * (DELETE Set(key)) from `<Request><Entity entitySet qualifiedName><Property name value type isId/>…`; the
 * singleton operations from `<Request><Singleton>` (named by singletonId, else `<Singleton entitySet>`).
 * The key comes from the isId properties or the entityId parameter; the ETag from `<Entity etag>` or the
 * etag parameter. The deletes need no envelope when the parameters name the target.
 */
export function entityWrite(kind: Kind, addressed: Addressed): Operation {
  return v4.define({
    description: DESCRIPTIONS[addressed](kind),
    envelope: kind === 'Delete' ? 'optional' : 'required',
    roots: ['Request'],
    model: serviceModel,
    read: (envelope): readonly EnvelopeEntity[] =>
      envelope === undefined ? [{ properties: [], path: `${addressed}[1]` }] : readEntityElements(envelope, addressed),
    *plan(entities, { params, model }) {
      const method = methodOf(kind, addressed, params);
      const targetOf = addressed === 'Entity' ? entityTarget : singletonTarget;
      // Every entity is checked against $metadata first, so a bad envelope sends nothing.
      const writes = entities.map(e => prepareWrite(model, targetOf(kind, method, model, params, e), e));
      return yield* sendWrites(model, writes);
    },
    write: (outcomes, w) => writeEntityResponse(w, outcomes)
  });
}

function entityTarget(kind: Kind, method: HttpMethod, model: EdmModel, params: V4Params, entity: EnvelopeEntity) {
  const entitySet = entity.entitySet ?? params.entitySet;
  if (entitySet === undefined) {
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `${entity.path}: no entity set; give <Entity entitySet="…"> or the parameter entitySet`,
      { target: `${entity.path}/@entitySet` }
    );
  }
  const { entityId, etag } = params;
  return {
    method,
    root: rootOf(params),
    entitySet,
    type: entityTypeOfSet(model, entitySet),
    keyed: kind !== 'Create',
    ...(entityId === undefined ? {} : { entityId }),
    ...(etag === undefined || kind === 'Create' ? {} : { etag })
  } satisfies WriteTarget;
}

function singletonTarget(kind: Kind, method: HttpMethod, model: EdmModel, params: V4Params, entity: EnvelopeEntity) {
  const { singletonId, etag } = params;
  if (singletonId !== undefined && entity.entitySet !== undefined && entity.entitySet !== singletonId) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `${entity.path} names the singleton "${entity.entitySet}", the parameter singletonId "${singletonId}"; give it one way`,
      { target: 'singletonId' }
    );
  }
  const name = singletonId ?? entity.entitySet;
  if (name === undefined) {
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `${kind}Singleton needs the parameter "singletonId" (or <Singleton entitySet="…">)`,
      { target: 'singletonId' }
    );
  }
  const type = entityTypeOfSingleton(model, name);
  return { method, root: rootOf(params), entitySet: name, type, keyed: false, ...(etag === undefined ? {} : { etag }) };
}

/**
 * Sends the writes one by one. Each becomes `<OKEntities>` (the entity as the service returned it, or as sent
 * when it returned none) or `<FailEntities>` (as sent, with the error). Status -1 when any failed; after a
 * transport failure (timeout, unreachable) the rest are reported as not sent.
 */
function* sendWrites(model: EdmModel, writes: readonly PreparedWrite[]): Plan<Outcome<EntityOutcome[]>> {
  const outcomes: EntityOutcome[] = [];
  let unreachable: ConnectorError | undefined;
  for (const write of writes) {
    const base = { entitySet: write.entitySet, qualifiedName: write.type.qualifiedName };
    if (unreachable !== undefined) {
      const message = `Not sent: an earlier request failed (${unreachable.message})`;
      const error = new ConnectorError(unreachable.code, message, { target: write.request.url });
      outcomes.push({ ...base, ok: false, properties: write.sent, error });
      continue;
    }
    try {
      outcomes.push({ ...base, ...(yield* sendWrite(model, write)) });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (error.code === 'TIMEOUT' || error.code === 'TRANSPORT') unreachable = error;
      outcomes.push({ ...base, ok: false, properties: write.sent, error });
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}

function* sendWrite(model: EdmModel, write: PreparedWrite): Plan<Omit<EntityOutcome, 'entitySet' | 'qualifiedName'>> {
  let request = write.request;
  // etag=auto: the current ETag is read first, a step of its own
  if (write.etag === 'auto' && request.headers?.['if-match'] === undefined)
    request = { ...request, headers: { ...request.headers, 'if-match': yield* currentEtag(request.url, v4Dialect) } };
  const response = yield* send(request);
  if (!isSuccess(response.status))
    return { ok: false, properties: write.sent, error: httpStatusError(request, response) };
  const json =
    request.method === 'DELETE' || response.body.trim() === '' ? undefined : decodeJsonObject(request, response);
  const etag = json === undefined ? headerOf(response, 'etag') : etagOfEntity(v4Dialect, json, response);
  const properties = json === undefined ? write.sent : entityProperties(model, write.type, json);
  return { ok: true, properties, ...(etag === undefined ? {} : { etag }) };
}
