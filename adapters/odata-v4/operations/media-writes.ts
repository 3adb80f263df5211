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
  serviceRootOf,
  v4Dialect,
  writeEntityResponse,
  type EdmStructuredType,
  type EntityOutcome,
  type HttpRequest,
  type LosslessObject,
  type Operation,
  type Outcome,
  type Plan
} from '../../../src/sdk';
import { readMediaEnvelope, type MediaInput } from '../envelope/x4-envelope';
import { required, serviceModel, v4 } from '../params';
import { buildEntityBody, entityProperties } from './entity-body';
import { entityPath, mediaLocationOf, mediaSuffix } from './targets';
import { jsonWrite } from './entity-writes';

type Result = Omit<EntityOutcome, 'entitySet' | 'qualifiedName'>;

function mediaRequest(method: 'PUT' | 'POST', url: string, media: MediaInput, etag?: string): HttpRequest {
  const headers = { ...v4Dialect.jsonHeaders, 'content-type': media.contentType, ...ifMatch(etag) };
  return { method, url, headers, body: media.bytes };
}

function reported(entitySet: string, type: EdmStructuredType, outcome: Result): Outcome<EntityOutcome[]> {
  return { status: outcome.ok ? 1 : -1, output: [{ entitySet, qualifiedName: type.qualifiedName, ...outcome }] };
}

// A media entity (HasStream): POST the bytes to the set. A stream property (CAP's `Media`): POST the properties
// (`<Entity>`, may be empty), then PUT the bytes to `Set(key)/Media`.
const createMediaEntity = v4.define({
  description: 'Creates a media entity from <Request><Media contentType encoding="base64"> (entitySet)',
  envelope: 'required',
  roots: ['Request', 'Media'],
  model: serviceModel,
  read: (envelope, params) => ({
    ...readMediaEnvelope(envelope, true),
    entitySet: required(params.entitySet, 'entitySet', 'CreateMediaEntity')
  }),
  *plan({ entitySet, entity, media }, { params, model }) {
    const type = entityTypeOfSet(model, entitySet);
    const location = mediaLocationOf(model, type, params.mediaProperty);
    const setUrl = `${serviceRootOf(params.serviceUrl)}${encodeURIComponent(entitySet)}`;
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

/** Update PUTs the bytes to `Set(key)/$value` or the stream property; Delete removes a media entity whole. */
function keyedMediaWrite(op: 'UpdateMediaEntity' | 'DeleteMediaEntity'): Operation {
  const update = op === 'UpdateMediaEntity';
  return v4.define({
    description: update
      ? 'Replaces the media of an entity (entitySet, entityId) with <Request><Media>'
      : 'Deletes a media entity, or the media of a stream property (entitySet, entityId)',
    envelope: update ? 'required' : 'none',
    ...(update ? { roots: ['Request', 'Media'] } : {}),
    model: serviceModel,
    read: (envelope, params) => ({
      entityId: required(params.entityId, 'entityId', op),
      entitySet: required(params.entitySet, 'entitySet', op),
      media: update ? readMediaEnvelope(envelope, false).media : undefined
    }),
    // without media (Delete) a media entity goes whole, else only its stream property; the report shows its key
    *plan({ entitySet, entityId, media }, { params, model }) {
      const { path, type, keys: properties } = entityPath(model, entitySet, entityId);
      const location = mediaLocationOf(model, type, params.mediaProperty);
      const suffix = media === undefined && location.kind === 'media-entity' ? '' : mediaSuffix(location);
      const url = `${serviceRootOf(params.serviceUrl)}${path}${suffix}`;
      const request: HttpRequest =
        media === undefined
          ? { method: 'DELETE', url, headers: { ...v4Dialect.jsonHeaders, ...ifMatch(params.etag) } }
          : mediaRequest('PUT', url, media, params.etag);
      try {
        const response = yield* sendChecked(request);
        const json = response.body.trim().startsWith('{') ? decodeJsonObject(request, response) : undefined;
        const etag = etagOfEntity(v4Dialect, json, response);
        return reported(entitySet, type, { ok: true, properties, ...(etag === undefined ? {} : { etag }) });
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        return reported(entitySet, type, { ok: false, properties, error });
      }
    },
    write: (outcomes, w) => writeEntityResponse(w, outcomes)
  });
}

/** CreateMediaEntity, UpdateMediaEntity, DeleteMediaEntity. */
export const mediaWrites: Readonly<Record<string, Operation>> = {
  CreateMediaEntity: createMediaEntity,
  UpdateMediaEntity: keyedMediaWrite('UpdateMediaEntity'),
  DeleteMediaEntity: keyedMediaWrite('DeleteMediaEntity')
};
