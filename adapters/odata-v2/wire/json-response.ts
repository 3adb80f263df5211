import {
  ConnectorError,
  findNavigation,
  findProperty,
  fromV2JsonValue,
  type EdmModel,
  type EdmStructuredType
} from '../../../src/sdk';
import { complexTypeOf, entityTypeNamed, primitiveTypeOf } from '../model/service-model';
import type { EntityRecord, RecordField, RecordPage } from './entity-record';

type JsonObject = Record<string, unknown>;

/** A JSON string (skipped) or a bare number (captured). */
const NUMBER_OR_STRING = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses a JSON body; throws RESPONSE_INVALID with the start of the body when it is not JSON. */
export function parseJsonBody(body: string): unknown {
  try {
    // numbers are read as their text (Edm.Single/Double/Int64/Decimal sent unquoted keep every digit)
    return JSON.parse(
      body.replace(NUMBER_OR_STRING, (token, number: string | undefined) =>
        number === undefined ? token : `"${number}"`
      )
    ) as unknown;
  } catch {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `The service answered with a body that is not JSON: ${body.slice(0, 200)}`
    );
  }
}

/**
 * Returns what sits in `d`: every V2 JSON shape real servers send — `{d:{results:[…],__count,__next}}`,
 * the V1 `{d:[…]}`, a single entity `{d:{…}}`, and a single entity wrongly wrapped as `{d:{results:{…}}}`.
 */
export function unwrapV2Json(json: unknown): { items: unknown[]; single: boolean; count?: string; next?: string } {
  if (!isObject(json) || !('d' in json))
    throw new ConnectorError('RESPONSE_INVALID', 'The JSON response has no "d" member (not OData V2 JSON verbose)');
  const d = json['d'];
  if (Array.isArray(d)) return { items: d, single: false };
  if (!isObject(d)) return { items: [d], single: true };
  const results = d['results'];
  const count = d['__count'] === undefined || d['__count'] === null ? {} : { count: String(d['__count']) };
  const next = typeof d['__next'] === 'string' ? { next: d['__next'] } : {};
  if (Array.isArray(results)) return { items: results, single: false, ...count, ...next };
  if (isObject(results) && !('__metadata' in d)) return { items: [results], single: true };
  return { items: [d], single: true };
}

/** Decodes a V2 JSON response body into entity records typed by `$metadata` (`expected` when `__metadata.type` is absent). */
export function decodeJsonPage(model: EdmModel, body: string, expected: EdmStructuredType | undefined): RecordPage {
  const { items, single, count, next } = unwrapV2Json(parseJsonBody(body));
  const records = items.filter(isObject).map(item => decodeJsonEntity(model, item, expected));
  return { records, single, ...(count === undefined ? {} : { count }), ...(next === undefined ? {} : { next }) };
}

/** Decodes one JSON entity object. Unexpanded (`__deferred`) navigations are left out. */
export function decodeJsonEntity(
  model: EdmModel,
  json: JsonObject,
  expected: EdmStructuredType | undefined
): EntityRecord {
  const metadata = isObject(json['__metadata']) ? json['__metadata'] : {};
  const declared = typeof metadata['type'] === 'string' ? metadata['type'] : undefined;
  const type = entityTypeNamed(model, declared) ?? expected;
  const fields: RecordField[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === '__metadata') continue;
    if (isObject(value) && '__deferred' in value) continue;
    const property = type === undefined ? undefined : findProperty(model, type, name);
    const navigation = type === undefined || property !== undefined ? undefined : findNavigation(model, type, name);
    if (property !== undefined) {
      const primitive = primitiveTypeOf(property);
      const complex = primitive === undefined ? complexTypeOf(model, property) : undefined;
      if (primitive !== undefined)
        fields.push({ kind: 'primitive', name, type: primitive, value: fromV2JsonValue(primitive, value) });
      else fields.push(decodeComplex(model, name, value, complex));
    } else if (
      navigation !== undefined ||
      Array.isArray(value) ||
      (isObject(value) && ('__metadata' in value || Array.isArray(value['results'])))
    ) {
      const target = navigation === undefined ? undefined : model.entityTypes.get(navigation.target);
      const list = Array.isArray(value)
        ? value
        : isObject(value) && Array.isArray(value['results'])
          ? value['results']
          : value === null
            ? []
            : [value];
      const collection = navigation?.collection ?? !(isObject(value) && '__metadata' in value);
      fields.push({
        kind: 'navigation',
        name,
        collection,
        entities: list.filter(isObject).map(e => decodeJsonEntity(model, e, target))
      });
    } else if (isObject(value)) {
      fields.push(decodeComplex(model, name, value, undefined));
    } else {
      fields.push({ kind: 'primitive', name, value: value === null || value === undefined ? null : String(value) });
    }
  }
  const typeName = type?.name ?? declared?.slice(declared.lastIndexOf('.') + 1) ?? 'Entity';
  const etag = typeof metadata['etag'] === 'string' ? metadata['etag'] : undefined;
  const uri = typeof metadata['uri'] === 'string' ? metadata['uri'] : undefined;
  return {
    typeName,
    ...(type === undefined ? {} : { qualifiedName: type.qualifiedName }),
    ...(etag === undefined ? {} : { etag }),
    ...(uri === undefined ? {} : { uri }),
    fields
  };
}

/** Decodes a complex value (also used for function imports returning complex types). */
export function decodeComplex(
  model: EdmModel,
  name: string,
  value: unknown,
  type: EdmStructuredType | undefined
): RecordField {
  if (!isObject(value)) return { kind: 'complex', name, fields: null };
  const fields: RecordField[] = [];
  for (const [member, v] of Object.entries(value)) {
    if (member === '__metadata') continue;
    const property = type?.properties.get(member);
    const primitive = property === undefined ? undefined : primitiveTypeOf(property);
    if (primitive !== undefined)
      fields.push({ kind: 'primitive', name: member, type: primitive, value: fromV2JsonValue(primitive, v) });
    else if (isObject(v))
      fields.push(decodeComplex(model, member, v, property === undefined ? undefined : complexTypeOf(model, property)));
    else fields.push({ kind: 'primitive', name: member, value: v === null || v === undefined ? null : String(v) });
  }
  return { kind: 'complex', name, fields };
}
