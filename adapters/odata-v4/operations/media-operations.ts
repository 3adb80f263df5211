import { v4Dialect } from '../../../src/sdk';
import {
  childOf,
  ConnectorError,
  defineOperation,
  envelopeError,
  headerOf,
  httpStatusError,
  isSuccess,
  keysOf,
  refuseStrayText,
  refuseUnknownAttributes,
  writeEntityResponse,
  type EntityOutcome,
  type HttpRequest,
  type OperationContext,
  type XmlElement
} from '../../../src/sdk';
import { optionalParam, requireParam } from '../params';
import { readEntityElements, type EnvelopeEntity } from '../request/entity-envelope';
import { buildEntityBody } from '../request/entity-body';
import { decodeJsonObject, JSON_ACCEPT, JSON_CONTENT_TYPE } from '../request/http';
import { stringifyJson, type LosslessObject } from '../../../src/sdk';
import { buildKeyPredicate, parseEntityId } from '../../../src/sdk';
import { keyProperties } from '../request/write-request';
import { mediaLocationOf, mediaSuffix, readMedia, type MediaInput } from '../request/media';
import { entityProperties, etagOf } from '../response/entity-properties';
import { entityPath, entitySetType, segment, serviceOf } from './support';

interface MediaWriteInput {
  readonly entitySet: string;
  readonly entityId?: string;
  readonly media?: MediaInput;
  readonly entity?: EnvelopeEntity;
  readonly mediaProperty?: string;
  readonly etag?: string;
}

/** Splits `<Request>` into its `<Media>` and (CreateMediaEntity only) an optional `<Entity>` with further properties. */
function readMediaEnvelope(envelope: XmlElement, allowEntity: boolean): { media: MediaInput; entity?: EnvelopeEntity } {
  if (envelope.name === 'Media') return { media: readMedia(envelope) };
  refuseUnknownAttributes(envelope, []);
  refuseStrayText(envelope);
  const media = childOf(envelope, 'Media');
  if (media === undefined)
    throw envelopeError(
      'The media operations expect <Request><Media contentType="…" encoding="base64">…</Media></Request>',
      'Request/Media'
    );
  const count = envelope.children.filter(c => c.name === 'Media').length;
  if (count > 1)
    throw envelopeError(`<Request> of a media operation holds one <Media>, found ${count}`, 'Request/Media');
  const others = envelope.children.filter(c => c.name !== 'Media');
  if (others.length === 0) return { media: readMedia(media) };
  if (!allowEntity || others.some(c => c.name !== 'Entity') || others.length > 1) {
    throw envelopeError(
      `<Request> of a media operation may only contain <Media>${allowEntity ? ' and one <Entity>' : ''}`,
      `Request/${others[0]?.name ?? ''}`
    );
  }
  const [entity] = readEntityElements({ ...envelope, children: others }, 'Entity');
  return { media: readMedia(media), ...(entity === undefined ? {} : { entity }) };
}

function readInput(
  envelope: XmlElement | undefined,
  params: Parameters<typeof optionalParam>[0],
  op: string,
  keyed: boolean,
  withMedia: boolean
): MediaWriteInput {
  const parts = envelope === undefined || !withMedia ? undefined : readMediaEnvelope(envelope, !keyed);
  const entityId = keyed ? requireParam(params, 'entityId', op) : undefined;
  const mediaProperty = optionalParam(params, 'mediaProperty');
  const etag = optionalParam(params, 'etag');
  return {
    entitySet: requireParam(params, 'entitySet', op),
    ...(entityId === undefined ? {} : { entityId }),
    ...(parts === undefined ? {} : parts),
    ...(mediaProperty === undefined ? {} : { mediaProperty }),
    ...(etag === undefined ? {} : { etag })
  };
}

async function send(
  ctx: OperationContext,
  request: HttpRequest
): Promise<{ status: number; body: string; etag?: string }> {
  const response = await ctx.transport.send(request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  const etag = headerOf(response, 'etag');
  return { status: response.status, body: response.body, ...(etag === undefined ? {} : { etag }) };
}

function mediaRequest(method: 'PUT' | 'POST', url: string, media: MediaInput, etag: string | undefined): HttpRequest {
  return {
    method,
    url,
    headers: {
      accept: JSON_ACCEPT,
      'content-type': media.contentType,
      ...(etag === undefined ? {} : { 'if-match': etag })
    },
    body: media.bytes
  };
}

/**
 * CreateMediaEntity: a media entity (HasStream) is created by POSTing the bytes to the set; a type with a
 * stream property (CAP's `Media`) by POSTing its properties (`<Entity>`, may be empty) and then PUTting the
 * bytes to `Set(key)/Media`. Reports the created entity.
 */
export const createMediaEntity = defineOperation<MediaWriteInput, EntityOutcome[]>({
  description: 'Creates a media entity from <Request><Media contentType encoding="base64"> (entitySet)',
  envelope: 'required',
  roots: ['Request', 'Media'],
  read: (envelope, params) => readInput(envelope, params, 'CreateMediaEntity', false, true),
  async execute(input, ctx) {
    const { root, model } = await serviceOf(ctx);
    const type = entitySetType(model, input.entitySet);
    const location = mediaLocationOf(model, type, input.mediaProperty);
    const media = input.media as MediaInput;
    const base = { entitySet: input.entitySet, qualifiedName: type.qualifiedName };
    const setUrl = `${root}${segment(input.entitySet)}`;
    if (location.kind === 'media-entity') {
      if (input.entity !== undefined)
        throw envelopeError(
          'A media entity (HasStream) is created from its bytes alone; set its properties with UpdateEntity afterwards',
          'Request/Entity'
        );
      const created = await send(ctx, mediaRequest('POST', setUrl, media, undefined));
      const json = decodeJsonObject(
        { method: 'POST', url: setUrl },
        { status: created.status, headers: {}, body: created.body }
      );
      return { status: 1, output: [{ ...base, ok: true, properties: entityProperties(model, type, json) }] };
    }
    const body = buildEntityBody(model, type, input.entity?.properties ?? []);
    const post: HttpRequest = {
      method: 'POST',
      url: setUrl,
      headers: { accept: JSON_ACCEPT, 'content-type': JSON_CONTENT_TYPE, prefer: 'return=representation' },
      body: stringifyJson(body.json)
    };
    const answer = await send(ctx, post);
    const created = decodeJsonObject(post, { status: answer.status, headers: {}, body: answer.body });
    const keyParts = keysOf(model, type).map(name => ({ name, value: String(created[name] ?? '') }));
    const path = `${segment(input.entitySet)}${buildKeyPredicate(model, type, keyParts, 'the created entity', v4Dialect)}`;
    try {
      const put = await send(ctx, mediaRequest('PUT', `${root}${path}${mediaSuffix(location)}`, media, undefined));
      // The upload changes the entity (its media type, its ETag): report it as it is now, as created if that read fails.
      const now = await readBack(ctx, `${root}${path}`);
      const entity = now ?? created;
      const etag = now === undefined ? put.etag : (etagOf(now, undefined) ?? put.etag);
      return {
        status: 1,
        output: [
          {
            ...base,
            ok: true,
            properties: entityProperties(model, type, entity),
            ...(etag === undefined ? {} : { etag })
          }
        ]
      };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // the entity exists but has no media: report it as failed, with its key, so the caller can retry the upload
      return {
        status: -1,
        output: [{ ...base, ok: false, properties: entityProperties(model, type, created), error }]
      };
    }
  },
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

async function readBack(ctx: OperationContext, url: string): Promise<LosslessObject | undefined> {
  const request: HttpRequest = { method: 'GET', url, headers: { accept: JSON_ACCEPT } };
  try {
    const response = await ctx.transport.send(request);
    return isSuccess(response.status) && response.body.trim() !== '' ? decodeJsonObject(request, response) : undefined;
  } catch (error) {
    if (error instanceof ConnectorError) return undefined; // a timeout here must not turn the done upload into a failure
    throw error;
  }
}

/** UpdateMediaEntity: PUT the bytes to `Set(key)/$value` or `Set(key)/<stream property>` (If-Match from etag). */
export const updateMediaEntity = defineOperation<MediaWriteInput, EntityOutcome[]>({
  description: 'Replaces the media of an entity (entitySet, entityId) with <Request><Media>',
  envelope: 'required',
  roots: ['Request', 'Media'],
  read: (envelope, params) => readInput(envelope, params, 'UpdateMediaEntity', true, true),
  execute: (input, ctx) => mediaKeyed(input, ctx, 'PUT'),
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

/**
 * DeleteMediaEntity: a media entity (HasStream) is deleted as a whole (DELETE `Set(key)`); for a stream
 * property only the media is removed (DELETE `Set(key)/Media`), the entity stays.
 */
export const deleteMediaEntity = defineOperation<MediaWriteInput, EntityOutcome[]>({
  description: 'Deletes a media entity, or the media of a stream property (entitySet, entityId)',
  envelope: 'none',
  read: (envelope, params) => readInput(envelope, params, 'DeleteMediaEntity', true, false),
  execute: (input, ctx) => mediaKeyed(input, ctx, 'DELETE'),
  write: (outcomes, w) => writeEntityResponse(w, outcomes)
});

async function mediaKeyed(
  input: MediaWriteInput,
  ctx: OperationContext,
  method: 'PUT' | 'DELETE'
): Promise<{ status: 1 | -1; output: EntityOutcome[] }> {
  const { root, model } = await serviceOf(ctx);
  const { path, type } = entityPath(model, input.entitySet, input.entityId ?? '');
  const location = mediaLocationOf(model, type, input.mediaProperty);
  const properties = keyProperties(model, type, parseEntityId(input.entityId ?? '', keysOf(model, type).length));
  const base = { entitySet: input.entitySet, qualifiedName: type.qualifiedName, properties };
  const url =
    method === 'DELETE' && location.kind === 'media-entity'
      ? `${root}${path}`
      : `${root}${path}${mediaSuffix(location)}`;
  const request: HttpRequest =
    method === 'PUT'
      ? mediaRequest('PUT', url, input.media as MediaInput, input.etag)
      : {
          method: 'DELETE',
          url,
          headers: { accept: JSON_ACCEPT, ...(input.etag === undefined ? {} : { 'if-match': input.etag }) }
        };
  try {
    const done = await send(ctx, request);
    const etag = done.body.trim().startsWith('{')
      ? etagOf(decodeJsonObject(request, { status: done.status, headers: {}, body: done.body }), done.etag)
      : done.etag;
    return { status: 1, output: [{ ...base, ok: true, ...(etag === undefined ? {} : { etag }) }] };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return { status: -1, output: [{ ...base, ok: false, error }] };
  }
}
