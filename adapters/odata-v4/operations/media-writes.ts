import {
  buildKeyPredicate,
  ConnectorError,
  decodeJsonObject,
  entityTypeOfSet,
  envelopeError,
  etagOfEntity,
  ifMatch,
  isSuccess,
  jsonGet,
  keysOf,
  send,
  sendChecked,
  v4Dialect,
  writeEntityResponse,
  type EdmModel,
  type EdmStructuredType,
  type EntityOutcome,
  type HttpRequest,
  type LosslessObject,
  type Outcome,
  type Plan
} from '../../../src/sdk';
import { readMediaEnvelope, type MediaInput } from '../envelope/entity-envelope';
import { entityProperties } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4, type V4Params } from '../params';
import { buildEntityBody } from './entity-body';
import { jsonWrite } from './entity-writes';
import { mediaLocationOf, mediaSuffix } from './media-location';
import { entityPath } from './targets';

function mediaRequest(method: 'PUT' | 'POST', url: string, media: MediaInput, etag?: string): HttpRequest {
  const headers = { ...v4Dialect.jsonHeaders, 'content-type': media.contentType, ...ifMatch(etag) };
  return { method, url, headers, body: media.bytes };
}

function reported(
  entitySet: string,
  type: EdmStructuredType,
  outcome: Omit<EntityOutcome, 'entitySet' | 'qualifiedName'>
): Outcome<EntityOutcome[]> {
  return { status: outcome.ok ? 1 : -1, output: [{ entitySet, qualifiedName: type.qualifiedName, ...outcome }] };
}

/**
 * A media entity (HasStream) is created by POSTing the bytes to the set; a type with a stream property (CAP's
 * `Media`) by POSTing its properties (`<Entity>`, may be empty), then PUTting the bytes to `Set(key)/Media`.
 */
export const createMediaEntity = v4.define({
  description: 'Creates a media entity from <Request><Media contentType encoding="base64"> (entitySet)',
  envelope: 'required',
  roots: ['Request', 'Media'],
  model: serviceModel,
  read(envelope, params) {
    const parts = readMediaEnvelope(envelope, true);
    return { entitySet: required(params.entitySet, 'entitySet', 'CreateMediaEntity'), ...parts };
  },
  *plan({ entitySet, entity, media }, { params, model }) {
    const type = entityTypeOfSet(model, entitySet);
    const location = mediaLocationOf(model, type, params.mediaProperty);
    const setUrl = `${rootOf(params)}${encodeURIComponent(entitySet)}`;
    const mediaEntity = location.kind === 'media-entity';
    if (mediaEntity && entity !== undefined)
      throw envelopeError(
        'A media entity (HasStream) is created from its bytes alone; set its properties with UpdateEntity afterwards',
        'Request/Entity'
      );
    const post = mediaEntity
      ? mediaRequest('POST', setUrl, media)
      : jsonWrite('POST', setUrl, buildEntityBody(model, type, entity?.properties ?? []).json);
    const created = decodeJsonObject(post, yield* sendChecked(post));
    if (mediaEntity) return reported(entitySet, type, { ok: true, properties: entityProperties(model, type, created) });
    const keyParts = keysOf(model, type).map(name => ({ name, value: String(created[name] ?? '') }));
    const url = `${setUrl}${buildKeyPredicate(model, type, keyParts, 'the created entity', v4Dialect)}`;
    try {
      const put = yield* sendChecked(mediaRequest('PUT', `${url}${mediaSuffix(location)}`, media));
      // The upload changes the entity (its media type, its ETag): report it as it is now, as created if that read fails.
      const now = yield* readBack(url);
      const etag = etagOfEntity(v4Dialect, now, put);
      const properties = entityProperties(model, type, now ?? created);
      return reported(entitySet, type, { ok: true, properties, ...(etag === undefined ? {} : { etag }) });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // the entity exists but has no media: report it as failed, with its key, so the caller can retry the upload
      return reported(entitySet, type, { ok: false, properties: entityProperties(model, type, created), error });
    }
  },
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

function* readBack(url: string): Plan<LosslessObject | undefined> {
  const request = jsonGet(url, v4Dialect);
  try {
    const response = yield* send(request);
    return isSuccess(response.status) && response.body.trim() !== '' ? decodeJsonObject(request, response) : undefined;
  } catch (error) {
    if (error instanceof ConnectorError) return undefined; // a timeout here must not turn the done upload into a failure
    throw error;
  }
}

/** PUT the bytes to `Set(key)/$value` or `Set(key)/<stream property>` (If-Match from etag). */
export const updateMediaEntity = v4.define({
  description: 'Replaces the media of an entity (entitySet, entityId) with <Request><Media>',
  envelope: 'required',
  roots: ['Request', 'Media'],
  model: serviceModel,
  read: (envelope, params) => ({ ...mediaTarget(params, 'UpdateMediaEntity'), ...readMediaEnvelope(envelope, false) }),
  plan: (input, { params, model }) => mediaKeyed(input, params, model),
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

/** A media entity (HasStream) is deleted as a whole; of a stream property only the media (`Set(key)/Media`). */
export const deleteMediaEntity = v4.define({
  description: 'Deletes a media entity, or the media of a stream property (entitySet, entityId)',
  envelope: 'none',
  model: serviceModel,
  read: (_envelope, params) => mediaTarget(params, 'DeleteMediaEntity'),
  plan: (input, { params, model }) => mediaKeyed(input, params, model),
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

function mediaTarget(params: V4Params, op: string): { entitySet: string; entityId: string } {
  const entityId = required(params.entityId, 'entityId', op);
  return { entitySet: required(params.entitySet, 'entitySet', op), entityId };
}

/** PUTs the media of an entity, or without media DELETEs it; the report shows its key. */
function* mediaKeyed(
  input: { entitySet: string; entityId: string; media?: MediaInput },
  params: V4Params,
  model: EdmModel
): Plan<Outcome<EntityOutcome[]>> {
  const { media } = input;
  const { path, type, keys: properties } = entityPath(model, input.entitySet, input.entityId);
  const location = mediaLocationOf(model, type, params.mediaProperty);
  const url = `${rootOf(params)}${path}${media === undefined && location.kind === 'media-entity' ? '' : mediaSuffix(location)}`;
  const request: HttpRequest =
    media === undefined
      ? { method: 'DELETE', url, headers: { ...v4Dialect.jsonHeaders, ...ifMatch(params.etag) } }
      : mediaRequest('PUT', url, media, params.etag);
  try {
    const response = yield* sendChecked(request);
    const json = response.body.trim().startsWith('{') ? decodeJsonObject(request, response) : undefined;
    const etag = etagOfEntity(v4Dialect, json, response);
    return reported(input.entitySet, type, { ok: true, properties, ...(etag === undefined ? {} : { etag }) });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return reported(input.entitySet, type, { ok: false, properties, error });
  }
}
