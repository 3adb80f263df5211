import {
  ConnectorError,
  type EdmModel,
  type EntityOutcome,
  type EntityProperty,
  envelopeError,
  headerOf,
  type HttpMethod,
  ifMatch,
  isConnectorError,
  keysOf,
  type KeyValue,
  normalizeV2Value,
  type Outcome,
  type Plan,
  sendChecked,
  writeEntityResponse,
  type XmlWriter
} from '../../../src/sdk';
import { keyOfEntity, type EntityEnvelope, type EntityPayload, type PropertyValue } from '../envelope/entity-payload';
import { decodeLenient, resolveResourcePath, splitOutsideQuotes, type ResolvedPath } from './resource-path';
import { decodeRecords } from './decode-records';
import type { EntityBody } from './entity-body';
import type { EntityRecord, RecordField } from '../output/entity-set-xml';
import { serviceRequest, v2Model, type V2Service } from './v2-service';

export const entityWriteOperation = {
  model: v2Model,
  write(outcomes: readonly EntityOutcome[], w: XmlWriter): void {
    writeEntityResponse(w, outcomes);
  }
};

export function resolveWritePath(
  model: EdmModel,
  resourcePath: string | undefined,
  envelope: EntityEnvelope
): ResolvedPath {
  const path = resolveResourcePath(model, resourcePath ?? envelope.entitySet);
  if (path.entitySet !== envelope.entitySet) {
    throw envelopeError(
      `The envelope root is <${envelope.entitySet}>, but resourcePath "${resourcePath ?? ''}" addresses the entity set ${path.entitySet}`,
      envelope.entitySet
    );
  }
  return path;
}

// Delete, keyed Update: the envelope's one entity, if it has its key, must be the one the path addresses.
export function entityAtPath(
  model: EdmModel,
  resourcePath: string,
  envelope: EntityEnvelope | undefined,
  operation: string,
  bind: (entitySet: string) => readonly EntityPayload[]
): { path: ResolvedPath; entity?: EntityPayload } {
  const path =
    envelope === undefined ? resolveResourcePath(model, resourcePath) : resolveWritePath(model, resourcePath, envelope);
  if (path.collection || path.count)
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `resourcePath "${resourcePath}" does not address one entity; ${operation} needs its key, e.g. ${path.entitySet}(1)`,
      { target: 'resourcePath' }
    );
  const entities = bind(path.entitySet);
  const [entity, ...more] = entities;
  if (entity === undefined) return { path };
  if (more.length > 0)
    throw envelopeError(
      `resourcePath "${resourcePath}" addresses one entity, but the envelope holds ${entities.length}; leave resourcePath empty to address each by its key`,
      path.entitySet
    );
  const keys = keysOf(model, entity.type);
  if (entity.properties.some(p => keys.includes(p.name)))
    checkPathKey(model, path, resourcePath, keyOfEntity(model, entity), entity.path);
  return { path, entity };
}

export function answeredEntity(
  service: V2Service,
  entity: EntityPayload | undefined,
  body: string
): EntityRecord | undefined {
  if (body.trim() === '') return undefined;
  return decodeRecords(service.model, body, entity?.type, service.format).records[0];
}

export interface EntityWrite {
  readonly method: HttpMethod;
  readonly path: string;
  readonly entity: EntityPayload | undefined;
  readonly entitySet: string;
  readonly body?: EntityBody;
  /** If-Match: the etag parameter, else the entity element's etag attribute. */
  readonly etag?: string | undefined;
}

/** One after another; a failure does not stop the rest, so nothing done is lost. Status -1 when any failed. */
export function* sendWrites(service: V2Service, writes: readonly EntityWrite[]): Plan<Outcome<EntityOutcome[]>> {
  const { model } = service;
  const outcomes: EntityOutcome[] = [];
  for (const write of writes) {
    const headers = {
      ...(write.body === undefined ? {} : { 'content-type': write.body.contentType }),
      ...ifMatch(write.etag)
    };
    const request = serviceRequest(service, write.method, write.path, headers, write.body?.body);
    try {
      const response = yield* sendChecked(request);
      const answered = write.method === 'DELETE' ? undefined : answeredEntity(service, write.entity, response.body);
      outcomes.push(
        okOutcome(model, write.entitySet, answered, write.entity, response.status, headerOf(response, 'etag'))
      );
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      outcomes.push(failOutcome(model, write.entitySet, write.entity, error));
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}

// V2 has no deep update: nested entities are refused, not dropped.
export function refuseDeep(entity: EntityPayload, operation: string): void {
  const nav = entity.navigations[0];
  if (nav !== undefined)
    throw envelopeError(
      `${entity.path}/${nav.name}: ${operation} cannot write nested entities (OData V2 has no deep update); use <link> to relate existing entities, or Batch`,
      `${entity.path}/${nav.name}`
    );
}

/** `guid'…'`, `datetime'…'`, `'a''b'`: the V2 literal prefixes whose quoted text is the value. */
const PREFIXED = /^(?:guid|datetime|datetimeoffset|time)?'(.*)'$/is;

// Compared in canonical form, so `(1)` and `(ID=1)`, or `12L` and `12`, match.
export function checkPathKey(
  model: EdmModel,
  path: ResolvedPath,
  resourcePath: string,
  entityKey: readonly KeyValue[],
  target: string
): void {
  const written = path.segments[path.segments.length - 1]?.key;
  const shown = entityKey.map(k => `${k.name}=${k.value}`).join(',');
  if (written === undefined) {
    throw envelopeError(
      `resourcePath "${resourcePath}" has no key predicate to compare with the envelope's key ${shown}; address the entity by its key, e.g. ${path.entitySet}(…)`,
      target
    );
  }
  const keyNames = keysOf(model, path.type);
  const parts = splitOutsideQuotes(written, ',');
  const byName = new Map<string, string>();
  for (const part of parts) {
    const named = /^\s*([A-Za-z_]\w*)\s*=(.*)$/s.exec(part);
    const name = named?.[1] ?? (parts.length === 1 ? keyNames[0] : undefined);
    if (name === undefined)
      throw envelopeError(
        `resourcePath "${resourcePath}": a composite key needs Name=value pairs, got "${part.trim()}"`,
        'resourcePath'
      );
    byName.set(name, named?.[2] ?? part);
  }
  const mismatch = entityKey.some(k => {
    const literal = byName.get(k.name);
    if (literal === undefined) return true;
    const value = normalizeV2Value(k.type, unquote(literal), `resourcePath (key ${k.name})`);
    return k.type === 'Edm.Guid' ? value.toLowerCase() !== k.value.toLowerCase() : value !== k.value;
  });
  if (mismatch || byName.size !== entityKey.length) {
    throw envelopeError(
      `resourcePath "${resourcePath}" addresses the key (${written}), but the envelope's entity has the key ${shown}; they must be the same entity`,
      target
    );
  }
}

function unquote(literal: string): string {
  const t = /%[0-9A-Fa-f]{2}/.test(literal) ? decodeLenient(literal.trim()) : literal.trim();
  const m = PREFIXED.exec(t);
  return m?.[1] === undefined ? t : m[1].replace(/''/g, "'");
}

// From the entity the service answered or, for 204, from the payload.
export function okOutcome(
  model: EdmModel,
  entitySet: string,
  answered: EntityRecord | undefined,
  sent: EntityPayload | undefined,
  httpStatus: number,
  etag?: string
): EntityOutcome {
  const type = sent?.type ?? model.entityTypes.get(answered?.qualifiedName ?? '');
  const keys = new Set(type === undefined ? [] : keysOf(model, type));
  const tag = etag ?? answered?.etag;
  return {
    ok: true,
    entitySet,
    ...(type === undefined ? {} : { qualifiedName: type.qualifiedName }),
    httpStatus,
    ...(tag === undefined ? {} : { etag: tag }),
    properties: recordProperties(answered?.fields ?? payloadFields(sent?.properties ?? []), keys)
  };
}

/** With the payload's key properties, so the caller sees which entity failed. */
export function failOutcome(
  model: EdmModel,
  entitySet: string,
  sent: EntityPayload | undefined,
  error: ConnectorError
): EntityOutcome {
  return {
    ok: false,
    entitySet,
    ...(sent === undefined ? {} : { qualifiedName: sent.type.qualifiedName }),
    ...(error.details.httpStatus === undefined ? {} : { httpStatus: error.details.httpStatus }),
    properties: keyProperties(model, sent),
    error
  };
}

export function keyProperties(model: EdmModel, sent: EntityPayload | undefined): EntityProperty[] {
  const keys = new Set(sent === undefined ? [] : keysOf(model, sent.type));
  return recordProperties(payloadFields(sent?.properties.filter(p => keys.has(p.name)) ?? []), keys);
}

function recordProperties(fields: readonly RecordField[], keys: ReadonlySet<string> = new Set()): EntityProperty[] {
  return fields.map((f): EntityProperty => {
    switch (f.kind) {
      case 'primitive':
        return {
          name: f.name,
          ...(f.type === undefined ? {} : { type: f.type }),
          ...(f.value === null ? { isNull: true } : { value: f.value }),
          ...(keys.has(f.name) ? { isId: true } : {})
        };
      case 'complex':
        return f.fields === null
          ? { name: f.name, isNull: true }
          : { name: f.name, properties: recordProperties(f.fields) };
      case 'navigation':
        return {
          name: f.name,
          collection: true,
          properties: f.entities.map(e => ({ name: e.typeName, properties: recordProperties(e.fields) }))
        };
    }
  });
}

// A payload value as the record field it would be read back as.
function payloadFields(values: readonly PropertyValue[]): RecordField[] {
  return values.map(p =>
    p.kind === 'primitive'
      ? p
      : { kind: 'complex', name: p.name, fields: p.value === null ? null : payloadFields(p.value) }
  );
}
