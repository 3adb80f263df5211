import {
  type BatchRequestPart,
  type EdmModel,
  type EdmOperation,
  type EdmStructuredType,
  envelopeError,
  V2_ACCEPT,
  withQuery
} from '../../../../src/sdk';
import { bindEntity, type EntityPayload } from '../../envelope/entity-payload';
import {
  checkQueryNames,
  encodeQueryOptions,
  encodeResourcePath,
  entityPath,
  resolveResourcePath,
  splitResourcePath
} from '../resource-path';
import type { V2Service } from '../v2-service';
import { entityBody } from '../entity-body';
import type { BatchItemInput, BatchPartInput } from '../../envelope/batch-envelope';
import { returnedEntityType } from '../function-import';

export type PartDecoder =
  | { readonly kind: 'entity'; readonly entitySet: string; readonly type?: EdmStructuredType | undefined }
  | { readonly kind: 'function'; readonly fi: EdmOperation }
  | { readonly kind: 'count'; readonly entitySet: string };

export interface PlannedPart {
  readonly input: BatchPartInput;
  /** 1-based number of the part in the whole envelope. */
  readonly index: number;
  /** 1-based number of its changeset; undefined for query parts. */
  readonly changeSet?: number;
  readonly request: BatchRequestPart;
  readonly decoder: PartDecoder;
}

export type PlannedItem =
  | { readonly kind: 'query'; readonly path: string; readonly parts: readonly [PlannedPart] }
  | {
      readonly kind: 'changeset';
      readonly path: string;
      readonly changeSet: number;
      readonly parts: readonly PlannedPart[];
    };

// Before anything is sent. A changeset part's Content-ID defaults to its number in its changeset, as V2 scopes
// Content-ID references to the changeset: `$1` is its first part, and a `$<id>` must name an earlier part of it.
export function planBatch(service: V2Service, items: readonly BatchItemInput[], absentAsNull: boolean): PlannedItem[] {
  let index = 0;
  let changeSet = 0;
  return items.map((item): PlannedItem => {
    if (item.kind === 'query') {
      const part = planPart(service, item.part, ++index, new Set(), absentAsNull);
      return { kind: 'query', path: item.path, parts: [part] };
    }
    changeSet += 1;
    const ids = new Set<string>();
    const parts = item.parts.map((part, j) => {
      const contentId = part.contentId ?? String(j + 1);
      if (ids.has(contentId))
        throw envelopeError(
          `${part.path}: the Content-ID "${contentId}" is used twice in changeset ${changeSet} (parts are numbered 1, 2, … within their changeset unless they declare one)`,
          `${part.path}/contentId`
        );
      const planned = planPart(service, part, ++index, ids, absentAsNull, { changeSet, contentId });
      ids.add(contentId);
      return planned;
    });
    return { kind: 'changeset', path: item.path, changeSet, parts };
  });
}

function planPart(
  service: V2Service,
  part: BatchPartInput,
  index: number,
  earlierIds: ReadonlySet<string>,
  absentAsNull: boolean,
  inChangeSet?: { readonly changeSet: number; readonly contentId: string }
): PlannedPart {
  const { model } = service;
  const uri = part.uri ?? '';
  const q = uri.indexOf('?');
  const rawPath = q < 0 ? uri : uri.slice(0, q);
  const entity =
    part.body === undefined
      ? undefined
      : bindEntity(model, part.body.name, part.body.children[0] ?? part.body, `${part.path}/${part.body.name}`);
  const { url, decoder, parentForeignKeys } = target(model, part, rawPath, entity, earlierIds);
  if (entity === undefined && decoder.kind !== 'function' && part.method !== 'DELETE' && part.method !== 'GET')
    refuseBodiless(part, inChangeSet?.changeSet);
  const query = encodeQueryOptions(q < 0 ? undefined : uri.slice(q + 1));
  const queried =
    decoder.kind === 'entity'
      ? decoder.type
      : decoder.kind === 'function'
        ? returnedEntityType(model, decoder.fi)
        : undefined;
  if (queried !== undefined) checkQueryNames(model, queried, query, `${part.path}/uri`);
  const headers: Record<string, string> = { accept: V2_ACCEPT[service.format], dataserviceversion: '2.0' };
  let body: string | undefined;
  if (entity !== undefined && part.method !== 'DELETE') {
    const writesAll = absentAsNull && (part.method === 'POST' || part.method === 'PUT');
    const encoded = entityBody(service, entity, writesAll, parentForeignKeys);
    headers['content-type'] = encoded.contentType;
    body = encoded.body;
  }
  if (entity?.etag !== undefined && part.method !== 'POST') headers['if-match'] = entity.etag;
  for (const [name, value] of part.headers) headers[name] = value;
  return {
    input: part,
    index,
    ...(inChangeSet === undefined ? {} : { changeSet: inChangeSet.changeSet }),
    request: {
      method: part.method,
      url: withQuery(url, query),
      headers,
      ...(body === undefined ? {} : { body }),
      ...(inChangeSet === undefined ? {} : { contentId: inChangeSet.contentId })
    },
    decoder
  };
}

// A `$<id>` reference, a function import, a resource path, or (no path) the entity set of its body.
function target(
  model: EdmModel,
  part: BatchPartInput,
  rawPath: string,
  entity: EntityPayload | undefined,
  earlierIds: ReadonlySet<string>
): { url: string; decoder: PartDecoder; parentForeignKeys?: readonly string[] } {
  if (rawPath === '') {
    if (entity === undefined) return missingKey(part);
    const url = part.method === 'POST' ? encodeResourcePath(entity.entitySet) : entityPath(model, entity);
    return { url, decoder: { kind: 'entity', entitySet: entity.entitySet, type: entity.type } };
  }
  const reference = /^\$([^/]+)(\/.*)?$/.exec(rawPath);
  if (reference !== null) {
    if (!earlierIds.has(reference[1] ?? ''))
      throw envelopeError(
        `${part.path}/uri: "${rawPath}" refers to Content-ID ${reference[1] ?? ''}, which is not an earlier part of the same changeset (known: ${[...earlierIds].join(', ') || 'none'})`,
        `${part.path}/uri`
      );
    const decoder: PartDecoder = { kind: 'entity', entitySet: entity?.entitySet ?? '', type: entity?.type };
    return { url: encodeResourcePath(rawPath), decoder };
  }
  const fi = model.imports.get(splitResourcePath(rawPath)[0]?.name ?? '')?.[0];
  if (fi !== undefined) return { url: encodeResourcePath(rawPath), decoder: { kind: 'function', fi } };
  const path = resolveResourcePath(model, rawPath);
  if (entity !== undefined && entity.entitySet !== path.entitySet)
    throw envelopeError(
      `${part.path}: the body is a ${entity.entitySet} entity, but the uri "${rawPath}" addresses ${path.entitySet}`,
      `${part.path}/${entity.entitySet}`
    );
  const needsKey = part.method !== 'POST' && part.method !== 'GET' && path.collection;
  return {
    url: !needsKey ? path.encoded : entity === undefined ? missingKey(part) : entityPath(model, entity),
    decoder: path.count
      ? { kind: 'count', entitySet: path.entitySet }
      : { kind: 'entity', entitySet: path.entitySet, type: path.type },
    parentForeignKeys: path.parentForeignKeys
  };
}

function missingKey(part: BatchPartInput): never {
  throw envelopeError(
    `${part.path}: ${part.method} needs the key of the entity: a <uri> like Products(1), or the key properties in the entity body`,
    `${part.path}/uri`
  );
}

// A POST/PUT/MERGE/PATCH without an entity would reach the service as an empty write (a PUT nulls the entity).
function refuseBodiless(part: BatchPartInput, changeSet: number | undefined): never {
  const where =
    changeSet === undefined
      ? part.path
      : `changeset ${changeSet}, part ${/batchChangeSetPart\[(\d+)\]$/.exec(part.path)?.[1] ?? '?'} (${part.path})`;
  throw envelopeError(
    `${where}: ${part.method} ${part.uri ?? ''} has no entity body; give the entity as <EntitySet><EntityType>…</EntityType></EntitySet> in the part (only DELETE and function imports go without one). Nothing was sent.`,
    part.path
  );
}
