import {
  buildKeyPredicate,
  ConnectorError,
  ifMatch,
  keysOf,
  parseEntityId,
  shortTypeName,
  stringifyJson,
  v4Dialect,
  type EdmModel,
  type EdmStructuredType,
  type EntityProperty,
  type HttpMethod,
  type HttpRequest,
  type KeyPart
} from '../../../src/sdk';
import type { EnvelopeEntity } from '../envelope/entity-envelope';
import { buildEntityBody } from './entity-body';

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
  const key = target.keyed ? keyOf(model, target, entity) : { predicate: '', report: [] };
  // The etag attribute of the entity wins over the parameter; `auto` (either way) reads the current ETag first.
  const etag = entity.etag ?? target.etag;
  const headers = { ...v4Dialect.jsonHeaders, ...ifMatch(etag === 'auto' ? undefined : etag) };
  // A DELETE sends no body, but the properties are still checked so an unknown or ill-typed one is refused, not ignored.
  const body = buildEntityBody(model, target.type, entity.properties, target.keyed);
  const url = `${target.root}${encodeURIComponent(target.entitySet)}${key.predicate}`;
  const request: HttpRequest =
    target.method === 'DELETE'
      ? { method: 'DELETE', url, headers }
      : {
          method: target.method,
          url,
          headers: { ...headers, 'content-type': v4Dialect.jsonContentType, prefer: 'return=representation' },
          body: stringifyJson(body.json)
        };
  return {
    entitySet: target.entitySet,
    type: target.type,
    request,
    sent: [...key.report, ...body.sent],
    ...(etag === undefined ? {} : { etag })
  };
}

/**
 * The key predicate of a keyed write: from the isId properties, else the entityId parameter; when both are
 * given they must address the same entity. The report lists the key when the envelope does not.
 */
function keyOf(
  model: EdmModel,
  target: WriteTarget,
  entity: EnvelopeEntity
): { predicate: string; report: EntityProperty[] } {
  const byParam = (): KeyPart[] | undefined =>
    target.entityId === undefined ? undefined : parseEntityId(target.entityId, keysOf(model, target.type).length);
  const predicateOf = (parts: readonly KeyPart[], where: string): string =>
    buildKeyPredicate(model, target.type, parts, where, v4Dialect);
  const marked = entity.properties.filter(p => p.isId).map(p => ({ name: p.name ?? '', value: p.value ?? '' }));
  if (marked.length === 0) {
    const parts = byParam();
    if (parts === undefined)
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `${entity.path}: no key given; mark the key properties isId="true" or pass the parameter entityId`,
        { target: 'entityId' }
      );
    return { predicate: predicateOf(parts, 'entityId'), report: keyProperties(model, target.type, parts) };
  }
  const predicate = predicateOf(marked, entity.path);
  const parts = byParam();
  const other = parts === undefined ? predicate : predicateOf(parts, 'entityId');
  if (other !== predicate) {
    // Both say which entity: one of them must not be silently ignored when they disagree.
    const set = encodeURIComponent(target.entitySet);
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `${entity.path}: the isId properties address ${set}${predicate}, the parameter entityId addresses ${set}${other}; give the key one way`,
      { target: 'entityId' }
    );
  }
  return { predicate, report: [] };
}

/** The key parts as `<Property isId>` items for a report. */
export function keyProperties(model: EdmModel, type: EdmStructuredType, parts: readonly KeyPart[]): EntityProperty[] {
  const names = keysOf(model, type);
  return parts.map((p, i) => {
    const name = p.name ?? names[i] ?? '';
    const t = shortTypeName(type.properties.get(name)?.type);
    return { name, value: p.value, isId: true, ...(t === undefined ? {} : { type: t }) };
  });
}
