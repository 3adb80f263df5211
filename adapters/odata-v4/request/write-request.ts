import { v4Dialect } from '../../../src/sdk';
import {
  ConnectorError,
  keysOf,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty,
  type HttpMethod,
  type HttpRequest
} from '../../../src/sdk';
import { stringifyJson } from '../../../src/sdk';
import { buildEntityBody } from './entity-body';
import type { EnvelopeEntity } from './entity-envelope';
import { JSON_ACCEPT, JSON_CONTENT_TYPE } from './http';
import { buildKeyPredicate, parseEntityId, type KeyPart } from '../../../src/sdk';

/** One write, checked against `$metadata` and ready to send. */
export interface PreparedWrite {
  readonly entitySet: string;
  readonly type: EdmStructuredType;
  readonly request: HttpRequest;
  /** The properties as sent, for the report. */
  readonly sent: readonly EntityProperty[];
  /** If-Match: a value, '*', or 'auto' (read the current ETag first). */
  readonly etag?: string;
}

/** What to write and where: `path` is `Set`, `Set(key)` or the singleton name, relative to the service root. */
export interface WriteTarget {
  readonly method: HttpMethod;
  readonly root: string;
  readonly entitySet: string;
  readonly type: EdmStructuredType;
  /** Key needed (update/delete of an entity): from isId properties, else the entityId parameter. */
  readonly keyed: boolean;
  readonly entityId?: string;
  readonly etag?: string;
}

/**
 * Builds the HTTP request of one envelope entity: POST/PATCH/PUT with a JSON body (keys left out of
 * update bodies, as they are in the URL) or DELETE. Pure; throws before anything is sent when the
 * envelope does not fit `$metadata` or no key is given.
 */
export function prepareWrite(model: EdmModel, target: WriteTarget, entity: EnvelopeEntity): PreparedWrite {
  let path = encodeURIComponent(target.entitySet);
  let keyReport: EntityProperty[] = [];
  if (target.keyed) {
    const fromEnvelope: KeyPart[] = entity.properties
      .filter(p => p.isId)
      .map(p => ({ name: p.name ?? '', value: p.value ?? '' }));
    const parts =
      fromEnvelope.length > 0
        ? fromEnvelope
        : target.entityId === undefined
          ? undefined
          : parseEntityId(target.entityId, keysOf(model, target.type).length);
    if (parts === undefined) {
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `${entity.path}: no key given; mark the key properties isId="true" or pass the parameter entityId`,
        { target: 'entityId' }
      );
    }
    const predicate = buildKeyPredicate(
      model,
      target.type,
      parts,
      fromEnvelope.length > 0 ? entity.path : 'entityId',
      v4Dialect
    );
    if (fromEnvelope.length > 0 && target.entityId !== undefined) {
      // Both say which entity: one of them must not be silently ignored when they disagree.
      const byParam = buildKeyPredicate(
        model,
        target.type,
        parseEntityId(target.entityId, keysOf(model, target.type).length),
        'entityId',
        v4Dialect
      );
      if (byParam !== predicate) {
        throw new ConnectorError(
          'PARAMETER_INVALID',
          `${entity.path}: the isId properties address ${path}${predicate}, the parameter entityId addresses ${path}${byParam}; give the key one way`,
          { target: 'entityId' }
        );
      }
    }
    path += predicate;
    if (fromEnvelope.length === 0) keyReport = keyProperties(model, target.type, parts);
  }
  const url = `${target.root}${path}`;
  const headers: Record<string, string> = { accept: JSON_ACCEPT };
  if (target.etag !== undefined && target.etag !== 'auto') headers['if-match'] = target.etag;
  const etag = entity.etag ?? target.etag;
  // etag="auto" on the entity means the same as the etag=auto parameter: read the current ETag before sending.
  if (entity.etag === 'auto') delete headers['if-match'];
  else if (entity.etag !== undefined) headers['if-match'] = entity.etag;
  if (target.method === 'DELETE') {
    // No body is sent, but the properties are still checked so an unknown or ill-typed one is refused, not ignored.
    const sent = [...keyReport, ...buildEntityBody(model, target.type, entity.properties, target.keyed).sent];
    return {
      entitySet: target.entitySet,
      type: target.type,
      request: { method: 'DELETE', url, headers },
      sent,
      ...(etag === undefined ? {} : { etag })
    };
  }
  const body = buildEntityBody(model, target.type, entity.properties, target.keyed);
  const request: HttpRequest = {
    method: target.method,
    url,
    headers: { ...headers, 'content-type': JSON_CONTENT_TYPE, prefer: 'return=representation' },
    body: stringifyJson(body.json)
  };
  return {
    entitySet: target.entitySet,
    type: target.type,
    request,
    sent: [...keyReport, ...body.sent],
    ...(etag === undefined ? {} : { etag })
  };
}

/** The key parts as `<Property isId>` items for a report. */
export function keyProperties(model: EdmModel, type: EdmStructuredType, parts: readonly KeyPart[]): EntityProperty[] {
  const names = keysOf(model, type);
  return parts.map((p, i) => {
    const name = p.name ?? names[i] ?? '';
    const t = type.properties.get(name)?.type.replace(/^Edm\./, '');
    return { name, value: p.value, isId: true, ...(t === undefined ? {} : { type: t }) };
  });
}
