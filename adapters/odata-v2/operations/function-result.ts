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

/** The return kind of a V2 function import from its declared ReturnType. */
export function returnKindOf(
  model: EdmModel,
  fi: EdmOperation
): { kind: 'void' | 'entity' | 'complex' | 'primitive'; type?: string; collection: boolean } {
  if (fi.returnType === undefined) return { kind: 'void', collection: false };
  const item = itemTypeOf(fi.returnType);
  const type = item ?? fi.returnType;
  const collection = item !== undefined;
  if (model.entityTypes.has(type)) return { kind: 'entity', type, collection };
  if (model.complexTypes.has(type)) return { kind: 'complex', type, collection };
  return { kind: 'primitive', type, collection };
}

/** The entity type a function import returns (one entity or a collection), if it returns entities. */
export function returnedEntityType(model: EdmModel, fi: EdmOperation): EdmStructuredType | undefined {
  return model.entityTypes.get(itemTypeOf(fi.returnType) ?? fi.returnType ?? '');
}

/** Decodes a function import response (JSON verbose or Atom/XML) according to the declared return type. */
export function decodeFunctionResult(model: EdmModel, fi: EdmOperation, body: string, atom: boolean): FunctionResult {
  const ret = returnKindOf(model, fi);
  if (ret.kind === 'void' || body.trim() === '') return { kind: 'void', name: fi.name };
  if (ret.kind === 'entity') {
    const type = model.entityTypes.get(ret.type ?? '');
    const page = atom ? decodeAtomPage(model, body, type) : decodeJsonPage(model, body, type);
    return {
      kind: 'entities',
      entitySet: fi.entitySet ?? entitySetOfType(model, ret.type ?? '') ?? fi.name,
      records: page.records
    };
  }
  const complexType = ret.kind === 'complex' ? model.complexTypes.get(ret.type ?? '') : undefined;
  const primitive = ret.type !== undefined && isEdmPrimitive(ret.type) ? ret.type : undefined;
  const values = atom ? atomValues(body, ret.collection) : jsonValues(body, fi.name);
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
  return {
    kind: 'primitive',
    name: fi.name,
    collection: ret.collection,
    values: values.map(v => {
      if (v.kind === 'atom')
        return primitive === undefined ? (v.element.text ?? null) : fromV2AtomValue(primitive, v.element.text ?? '');
      return primitive === undefined
        ? v.json === null
          ? null
          : String(v.json)
        : v2Dialect.fromJsonValue(primitive, v.json);
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
  return (single ? items.map(v => (isLosslessObject(v) && name in v ? (v[name] ?? null) : v)) : items).map(json => ({
    kind: 'json',
    json
  }));
}
