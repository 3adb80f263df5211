import {
  childOf,
  type EdmModel,
  type EdmOperation,
  type EdmStructuredType,
  fromV2AtomValue,
  isEdmPrimitive,
  isLosslessObject,
  itemTypeOf,
  type LosslessJson,
  v2Dialect,
  type XmlElement
} from '../../../src/sdk';
import { entitySetOfType } from '../envelope/model-lookup';
import type { FunctionResult } from '../output/function-result-xml';
import {
  decodeAtomPage,
  decodeAtomProperty,
  decodeComplex,
  decodeJsonPage,
  parseAtomBody,
  parseJsonBody,
  unwrapV2Json
} from './decode-records';

/** The entity type a function import returns (one entity or a collection), if it returns entities. */
export function returnedEntityType(model: EdmModel, fi: EdmOperation): EdmStructuredType | undefined {
  return model.entityTypes.get(itemTypeOf(fi.returnType) ?? fi.returnType ?? '');
}

/** Decodes a function import response (JSON verbose or Atom/XML) by the declared return type. */
export function decodeFunctionResult(model: EdmModel, fi: EdmOperation, body: string, atom: boolean): FunctionResult {
  if (fi.returnType === undefined || body.trim() === '') return { kind: 'void', name: fi.name };
  const collection = itemTypeOf(fi.returnType) !== undefined;
  const entityType = returnedEntityType(model, fi);
  if (entityType !== undefined) {
    const page = atom ? decodeAtomPage(model, body, entityType) : decodeJsonPage(model, body, entityType);
    return {
      kind: 'entities',
      entitySet: fi.entitySet ?? entitySetOfType(model, entityType.qualifiedName) ?? fi.name,
      records: page.records
    };
  }
  const type = itemTypeOf(fi.returnType) ?? fi.returnType;
  const complexType = model.complexTypes.get(type);
  const values = atom ? atomValues(body, collection) : jsonValues(body, fi.name);
  if (complexType !== undefined) {
    return {
      kind: 'complex',
      name: fi.name,
      typeName: complexType.name,
      items: values.map(v => {
        const f =
          v.kind === 'atom'
            ? decodeAtomProperty(model, v.element, undefined)
            : decodeComplex(model, 'x', v.json, complexType);
        return f.kind === 'complex' ? f.fields : null;
      })
    };
  }
  const primitive = isEdmPrimitive(type) ? type : undefined;
  return {
    kind: 'primitive',
    name: fi.name,
    collection,
    values: values.map(v => {
      if (v.kind === 'atom')
        return primitive === undefined ? (v.element.text ?? null) : fromV2AtomValue(primitive, v.element.text ?? '');
      if (primitive !== undefined) return v2Dialect.fromJsonValue(primitive, v.json);
      return v.json === null ? null : String(v.json);
    })
  };
}

type ReturnedValue =
  { readonly kind: 'atom'; readonly element: XmlElement } | { readonly kind: 'json'; readonly json: LosslessJson };

// standard V2: <d:Fn>value</d:Fn> or <d:Fn><d:element>…</d:element></d:Fn>; CAP: an <entry> with text content
function atomValues(body: string, collection: boolean): ReturnedValue[] {
  const root = parseAtomBody(body);
  const elements = root.name === 'entry' ? [childOf(root, 'content') ?? root] : collection ? root.children : [root];
  return elements.map(element => ({ kind: 'atom', element }));
}

// a single complex or primitive value comes wrapped in an object named after the function: {"d":{"Fn":…}}
function jsonValues(body: string, name: string): ReturnedValue[] {
  const { items, single } = unwrapV2Json(parseJsonBody(body));
  const values = single ? items.map(v => (isLosslessObject(v) && name in v ? (v[name] ?? null) : v)) : items;
  return values.map(json => ({ kind: 'json', json }));
}
