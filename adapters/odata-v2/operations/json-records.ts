import {
  ConnectorError,
  findNavigation,
  findProperty,
  isLosslessObject,
  parseLosslessJson,
  v2Dialect,
  type EdmModel,
  type EdmStructuredType,
  type LosslessJson,
  type LosslessObject
} from '../../../src/sdk';
import { complexTypeOf, entityTypeNamed, primitiveTypeOf } from '../envelope/model-lookup';
import { type EntityRecord, entityRecord, type RecordField, type RecordPage } from '../output/entity-record';

const isObject = isLosslessObject;

/** Parses a JSON body, numbers kept as sent; RESPONSE_INVALID with the start of the body when it is not JSON. */
export function parseJsonBody(body: string): LosslessJson {
  try {
    return parseLosslessJson(body);
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
export function unwrapV2Json(json: LosslessJson): {
  items: readonly LosslessJson[];
  single: boolean;
  count?: string;
  next?: string;
} {
  if (!isObject(json) || !('d' in json))
    throw new ConnectorError('RESPONSE_INVALID', 'The JSON response has no "d" member (not OData V2 JSON verbose)');
  const d = json['d'] ?? null;
  if (!isObject(d) && !Array.isArray(d)) return { items: [d], single: true };
  const collection = v2Dialect.collectionOf(json);
  if (collection === undefined) return { items: [v2Dialect.singleOf(json)], single: true };
  const count = collection.annotations['__count'];
  return {
    items: collection.items,
    single: false,
    ...(count === undefined || count === null ? {} : { count: String(count) }),
    ...(collection.next === undefined ? {} : { next: collection.next })
  };
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
  json: LosslessObject,
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
        fields.push({ kind: 'primitive', name, type: primitive, value: v2Dialect.fromJsonValue(primitive, value) });
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
  const uri = metadata['uri'];
  return entityRecord(type, declared, fields, v2Dialect.etagOf(json), typeof uri === 'string' ? uri : undefined);
}

/** Decodes a complex value (also used for function imports returning complex types). */
export function decodeComplex(
  model: EdmModel,
  name: string,
  value: LosslessJson | undefined,
  type: EdmStructuredType | undefined
): RecordField {
  if (!isObject(value)) return { kind: 'complex', name, fields: null };
  const fields: RecordField[] = [];
  for (const [member, v] of Object.entries(value)) {
    if (member === '__metadata') continue;
    const property = type?.properties.get(member);
    const primitive = property === undefined ? undefined : primitiveTypeOf(property);
    if (primitive !== undefined)
      fields.push({ kind: 'primitive', name: member, type: primitive, value: v2Dialect.fromJsonValue(primitive, v) });
    else if (isObject(v))
      fields.push(decodeComplex(model, member, v, property === undefined ? undefined : complexTypeOf(model, property)));
    else fields.push({ kind: 'primitive', name: member, value: v === null || v === undefined ? null : String(v) });
  }
  return { kind: 'complex', name, fields };
}
