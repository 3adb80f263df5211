import {
  buildKeyPredicate,
  ConnectorError,
  currentEtag,
  decodeJsonObject,
  entityTypeOfSet,
  entityTypeOfSingleton,
  etagOfEntity,
  httpStatusError,
  ifMatch,
  isSuccess,
  send,
  serviceRootOf,
  stringifyJson,
  v4Dialect,
  writeEntityResponse,
  type EdmModel,
  type EdmStructuredType,
  type EntityOutcome,
  type EntityProperty,
  type HttpMethod,
  type HttpRequest,
  type JsonOut,
  type Operation,
  type Outcome,
  type Plan
} from '../../../src/sdk';
import { readEntityElements, type EnvelopeEntity } from '../envelope/x4-envelope';
import { serviceModel, v4, type V4Params } from '../params';
import { buildEntityBody, entityProperties } from './entity-body';
import { entityPath } from './targets';

type Kind = 'Create' | 'Update' | 'Delete';
type Addressed = 'Entity' | 'Singleton';
type Result = Omit<EntityOutcome, 'entitySet' | 'qualifiedName'>;

/** One write, checked against `$metadata` and ready to send; `sent` is what the report shows. */
interface PreparedWrite {
  readonly entitySet: string;
  readonly type: EdmStructuredType;
  readonly request: HttpRequest;
  readonly sent: readonly EntityProperty[];
  readonly etag?: string;
}

/** Create/Update/Delete of `<Request><Entity>…` (or `<Singleton>`); the deletes need no envelope when the parameters name the target. */
function entityWrite(kind: Kind, addressed: Addressed): Operation {
  const how = kind === 'Create' ? 'PUT, singletons cannot be POSTed' : kind === 'Update' ? 'PATCH or PUT' : 'DELETE';
  return v4.define({
    description:
      addressed === 'Entity'
        ? `${kind}s entities of an entity set (one request per <Entity>)`
        : `${kind}s a singleton (${how})`,
    envelope: kind === 'Delete' ? 'optional' : 'required',
    roots: ['Request'],
    model: serviceModel,
    read: (envelope): readonly EnvelopeEntity[] =>
      envelope === undefined ? [{ properties: [], path: `${addressed}[1]` }] : readEntityElements(envelope, addressed),
    *plan(entities, { params, model }) {
      // Every entity is checked against $metadata first, so a bad envelope sends nothing.
      const writes = entities.map(e => prepareWrite(model, params, kind, addressed, e));
      return yield* sendWrites(model, writes);
    },
    write: (outcomes, w) => writeEntityResponse(w, outcomes)
  });
}

/** A singleton always exists (V4 has no POST to one), so CreateSingleton replaces its content with PUT. */
function methodOf(kind: Kind, addressed: Addressed, params: V4Params): HttpMethod {
  if (kind === 'Create') return addressed === 'Entity' ? 'POST' : 'PUT';
  if (kind === 'Delete') return 'DELETE';
  return params.updateMethod === 'PUT' ? 'PUT' : v4Dialect.partialUpdateMethod;
}

/** Builds the request of one envelope entity; throws before anything is sent when it does not fit `$metadata`. */
function prepareWrite(
  model: EdmModel,
  params: V4Params,
  kind: Kind,
  addressed: Addressed,
  entity: EnvelopeEntity
): PreparedWrite {
  const entitySet = addressed === 'Entity' ? entitySetOf(params, entity) : singletonOf(kind, params, entity);
  const type = addressed === 'Entity' ? entityTypeOfSet(model, entitySet) : entityTypeOfSingleton(model, entitySet);
  const keyed = addressed === 'Entity' && kind !== 'Create';
  const key = keyed
    ? keyOf(model, type, entitySet, params.entityId, entity)
    : { path: encodeURIComponent(entitySet), report: [] };
  // `<Entity etag>` wins over the parameter (which a create ignores); `auto` reads the current ETag first.
  const etag = entity.etag ?? (addressed === 'Entity' && kind === 'Create' ? undefined : params.etag);
  const sentEtag = etag === 'auto' ? undefined : etag;
  // A DELETE sends no body, but the properties are still checked so an unknown or ill-typed one is refused, not ignored.
  const body = buildEntityBody(model, type, entity.properties, keyed);
  const url = `${serviceRootOf(params.serviceUrl)}${key.path}`;
  const method = methodOf(kind, addressed, params);
  const request =
    method === 'DELETE'
      ? { method, url, headers: { ...v4Dialect.jsonHeaders, ...ifMatch(sentEtag) } }
      : jsonWrite(method, url, body.json, sentEtag);
  return { entitySet, type, request, sent: [...key.report, ...body.sent], ...(etag === undefined ? {} : { etag }) };
}

/** A POST, PATCH or PUT of a JSON body that asks for the entity back. */
export function jsonWrite(method: HttpMethod, url: string, json: JsonOut, etag?: string): HttpRequest {
  const headers = { ...v4Dialect.jsonHeaders, ...ifMatch(etag), 'content-type': v4Dialect.jsonContentType };
  return { method, url, headers: { ...headers, prefer: 'return=representation' }, body: stringifyJson(json) };
}

function entitySetOf(params: V4Params, entity: EnvelopeEntity): string {
  const entitySet = entity.entitySet ?? params.entitySet;
  if (entitySet !== undefined) return entitySet;
  throw new ConnectorError(
    'PARAMETER_MISSING',
    `${entity.path}: no entity set; give <Entity entitySet="…"> or the parameter entitySet`,
    { target: `${entity.path}/@entitySet` }
  );
}

function singletonOf(kind: Kind, { singletonId }: V4Params, entity: EnvelopeEntity): string {
  if (singletonId !== undefined && entity.entitySet !== undefined && entity.entitySet !== singletonId)
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `${entity.path} names the singleton "${entity.entitySet}", the parameter singletonId "${singletonId}"; give it one way`,
      { target: 'singletonId' }
    );
  const name = singletonId ?? entity.entitySet;
  if (name !== undefined) return name;
  throw new ConnectorError(
    'PARAMETER_MISSING',
    `${kind}Singleton needs the parameter "singletonId" (or <Singleton entitySet="…">)`,
    { target: 'singletonId' }
  );
}

/** The key from the isId properties, else entityId (both: the same entity); reported when the envelope has none. */
function keyOf(
  model: EdmModel,
  type: EdmStructuredType,
  entitySet: string,
  entityId: string | undefined,
  entity: EnvelopeEntity
): { path: string; report: readonly EntityProperty[] } {
  const marked = entity.properties.filter(p => p.isId).map(p => ({ name: p.name ?? '', value: p.value ?? '' }));
  const path =
    marked.length === 0
      ? undefined
      : `${encodeURIComponent(entitySet)}${buildKeyPredicate(model, type, marked, entity.path, v4Dialect)}`;
  const byParam = entityId === undefined ? undefined : entityPath(model, entitySet, entityId);
  if (path === undefined) {
    if (byParam !== undefined) return { path: byParam.path, report: byParam.keys };
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `${entity.path}: no key given; mark the key properties isId="true" or pass the parameter entityId`,
      { target: 'entityId' }
    );
  }
  if (byParam !== undefined && byParam.path !== path)
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `${entity.path}: the isId properties address ${path}, the parameter entityId addresses ${byParam.path}; give the key one way`,
      { target: 'entityId' }
    );
  return { path, report: [] };
}

/** Sends the writes one by one; after a timeout or an unreachable service the rest are reported as not sent. */
function* sendWrites(model: EdmModel, writes: readonly PreparedWrite[]): Plan<Outcome<EntityOutcome[]>> {
  const outcomes: EntityOutcome[] = [];
  let unreachable: ConnectorError | undefined;
  for (const write of writes) {
    const base = { entitySet: write.entitySet, qualifiedName: write.type.qualifiedName };
    try {
      if (unreachable !== undefined) {
        const message = `Not sent: an earlier request failed (${unreachable.message})`;
        throw new ConnectorError(unreachable.code, message, { target: write.request.url });
      }
      outcomes.push({ ...base, ...(yield* sendWrite(model, write)) });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (error.code === 'TIMEOUT' || error.code === 'TRANSPORT') unreachable ??= error;
      outcomes.push({ ...base, ok: false, properties: write.sent, error });
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}

function* sendWrite(model: EdmModel, write: PreparedWrite): Plan<Result> {
  let request = write.request;
  if (write.etag === 'auto')
    request = { ...request, headers: { ...request.headers, 'if-match': yield* currentEtag(request.url, v4Dialect) } };
  const response = yield* send(request);
  if (!isSuccess(response.status))
    return { ok: false, properties: write.sent, error: httpStatusError(request, response) };
  const json =
    request.method === 'DELETE' || response.body.trim() === '' ? undefined : decodeJsonObject(request, response);
  const etag = etagOfEntity(v4Dialect, json, response);
  const properties = json === undefined ? write.sent : entityProperties(model, write.type, json);
  return { ok: true, properties, ...(etag === undefined ? {} : { etag }) };
}

/** CreateEntity … DeleteSingleton. */
export const entityWrites: Readonly<Record<string, Operation>> = {
  ...Object.fromEntries(
    (['Entity', 'Singleton'] as const).flatMap(addressed =>
      (['Create', 'Update', 'Delete'] as const).map(kind => [`${kind}${addressed}`, entityWrite(kind, addressed)])
    )
  )
};
