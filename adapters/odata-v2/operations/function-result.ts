import {
  childOf,
  fromV2AtomValue,
  isLosslessObject,
  isEdmPrimitive,
  type EdmModel,
  type EdmOperation,
  type XmlWriter,
  v2Dialect
} from '../../../src/sdk';
import { entitySetOfType } from '../model/service-model';
import { writeEntitySet, writeFields, XSI_NAMESPACE } from '../output/entity-set-xml';
import { decodeAtomPage, decodeAtomProperty, parseAtomBody } from '../wire/atom-response';
import type { EntityRecord, RecordField } from '../wire/entity-record';
import { decodeComplex, decodeJsonPage, parseJsonBody, unwrapV2Json } from '../wire/json-response';

/** What a function import returned, by return kind. */
export type FunctionResult =
  | { readonly kind: 'void'; readonly name: string }
  | { readonly kind: 'entities'; readonly entitySet: string; readonly records: readonly EntityRecord[] }
  | {
      readonly kind: 'complex';
      readonly name: string;
      readonly typeName: string;
      readonly items: readonly (readonly RecordField[] | null)[];
    }
  | {
      readonly kind: 'primitive';
      readonly name: string;
      readonly collection: boolean;
      readonly values: readonly (string | null)[];
    };

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

/**
 * Writes a function import result: entities as the entity-set shape (`<Products><Product>…`), complex
 * values as `<Fn><ComplexType>…</ComplexType></Fn>`, a primitive as `<Fn>7</Fn>`, a primitive collection
 * as `<Fn><element>…</element></Fn>`, void as `<Fn/>`.
 */
export function writeFunctionResult(w: XmlWriter, result: FunctionResult): void {
  switch (result.kind) {
    case 'void':
      w.leaf(result.name);
      return;
    case 'entities':
      writeEntitySet(w, result.entitySet, result.records);
      return;
    case 'complex':
      w.open(result.name, [['xmlns:xsi', XSI_NAMESPACE]]);
      for (const item of result.items) {
        if (item === null) w.leaf(result.typeName, [['xsi:nil', 'true']]);
        else {
          w.open(result.typeName);
          writeFields(w, item);
          w.close();
        }
      }
      w.close();
      return;
    case 'primitive': {
      const [single] = result.values;
      if (!result.collection) {
        if (single === null || single === undefined)
          w.leaf(result.name, [
            ['xmlns:xsi', XSI_NAMESPACE],
            ['xsi:nil', 'true']
          ]);
        else w.leaf(result.name, [], single);
        return;
      }
      w.open(result.name, [['xmlns:xsi', XSI_NAMESPACE]]);
      for (const v of result.values) w.leaf('element', v === null ? [['xsi:nil', 'true']] : [], v ?? undefined);
      w.close();
    }
  }
}
