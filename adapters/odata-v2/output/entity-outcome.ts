import { keysOf, type ConnectorError, type EdmModel, type EntityOutcome, type EntityProperty } from '../../../src/sdk';
import type { EntityPayload, PropertyValue } from '../envelope/entity-payload';
import type { EntityRecord, RecordField } from './entity-record';

/** From the entity the service answered or, for 204, from the payload. */
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

/** Expanded navigations become `<Collection name>` of entity properties. */
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
