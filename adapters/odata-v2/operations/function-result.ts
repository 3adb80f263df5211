import {
  childOf,
  fromV2AtomValue,
  isLosslessObject,
  isEdmPrimitive,
  type EdmModel,
  type EdmOperation,
  v2Dialect
} from '../../../src/sdk';
import { entitySetOfType } from './model-lookup';
import { decodeAtomPage, decodeAtomProperty, parseAtomBody } from './atom-records';
import type { FunctionResult } from '../output/function-result-xml';
import { decodeComplex, decodeJsonPage, parseJsonBody, unwrapV2Json } from './json-records';

/** The return kind of a V2 function import from its declared ReturnType. */
export function returnKindOf(
  model: EdmModel,
  fi: EdmOperation
): { kind: 'void' | 'entity' | 'complex' | 'primitive'; type?: string; collection: boolean } {
  if (fi.returnType === undefined) return { kind: 'void', collection: false };
  const m = /^Collection\((.*)\)$/.exec(fi.returnType);
  const type = m?.[1] ?? fi.returnType;
  const collection = m !== null;
  if (model.entityTypes.has(type)) return { kind: 'entity', type, collection };
  if (model.complexTypes.has(type)) return { kind: 'complex', type, collection };
  return { kind: 'primitive', type, collection };
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
  if (atom) {
    const root = parseAtomBody(body);
    // standard V2: <d:Fn>value</d:Fn> or <d:Fn><d:element>…</d:element></d:Fn>; CAP: an <entry> with text content
    const values = root.name === 'entry' ? [childOf(root, 'content') ?? root] : ret.collection ? root.children : [root];
    if (complexType !== undefined) {
      return {
        kind: 'complex',
        name: fi.name,
        typeName: complexType.name,
        items: values.map(v => {
          const f = decodeAtomProperty(model, { ...v, name: 'x' }, undefined);
          return f.kind === 'complex' ? f.fields : null;
        })
      };
    }
    return {
      kind: 'primitive',
      name: fi.name,
      collection: ret.collection,
      values: values.map(v => (primitive === undefined ? (v.text ?? null) : fromV2AtomValue(primitive, v.text ?? '')))
    };
  }
  const { items, single } = unwrapV2Json(parseJsonBody(body));
  // a single complex or primitive value comes wrapped in an object named after the function: {"d":{"Fn":…}}
  const values = single ? items.map(v => (isLosslessObject(v) && fi.name in v ? (v[fi.name] ?? null) : v)) : items;
  if (complexType !== undefined) {
    return {
      kind: 'complex',
      name: fi.name,
      typeName: complexType.name,
      items: values.map(v => {
        const f = decodeComplex(model, 'x', v, complexType);
        return f.kind === 'complex' ? f.fields : null;
      })
    };
  }
  return {
    kind: 'primitive',
    name: fi.name,
    collection: ret.collection,
    values: values.map(v =>
      primitive === undefined ? (v === null ? null : String(v)) : v2Dialect.fromJsonValue(primitive, v)
    )
  };
}
