import {
  childOf,
  fromV2AtomValue,
  isEdmPrimitive,
  isLosslessObject,
  itemTypeOf,
  v2Dialect,
  type EdmModel,
  type EdmOperation,
  type EdmStructuredType,
  type LosslessJson,
  type XmlElement,
  type XmlAttributes,
  type XmlWriter
} from '../../../src/sdk';
import { entitySetOfType } from '../envelope/entity-payload';
import type { EntityRecord, RecordField } from '../output/entity-record';
import { writeEntitySet, writeFields, XSI_NAMESPACE } from '../output/entity-set-xml';
import {
  decodeAtomPage,
  decodeAtomProperty,
  decodeComplex,
  decodeJsonPage,
  parseAtomBody,
  parseJsonBody,
  unwrapV2Json
} from './decode-records';

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

export function returnedEntityType(model: EdmModel, fi: EdmOperation): EdmStructuredType | undefined {
  return model.entityTypes.get(itemTypeOf(fi.returnType) ?? fi.returnType ?? '');
}

export function decodeFunctionResult(model: EdmModel, fi: EdmOperation, body: string, atom: boolean): FunctionResult {
  const { name, returnType } = fi;
  if (returnType === undefined || body.trim() === '') return { kind: 'void', name };
  const entityType = returnedEntityType(model, fi);
  if (entityType !== undefined) {
    const page = atom ? decodeAtomPage(model, body, entityType) : decodeJsonPage(model, body, entityType);
    const entitySet = fi.entitySet ?? entitySetOfType(model, entityType.qualifiedName) ?? name;
    return { kind: 'entities', entitySet, records: page.records };
  }
  const collection = itemTypeOf(returnType) !== undefined;
  const type = itemTypeOf(returnType) ?? returnType;
  const complexType = model.complexTypes.get(type);
  if (complexType !== undefined) {
    const fields = atom
      ? atomValues(body, collection).map(e => decodeAtomProperty(model, e, undefined))
      : jsonValues(body, name).map(v => decodeComplex(model, 'x', v, complexType));
    const items = fields.map(f => (f.kind === 'complex' ? f.fields : null));
    return { kind: 'complex', name, typeName: complexType.name, items };
  }
  const primitive = isEdmPrimitive(type) ? type : undefined;
  const values = atom
    ? atomValues(body, collection).map(e =>
        primitive === undefined ? (e.text ?? null) : fromV2AtomValue(primitive, e.text ?? '')
      )
    : jsonValues(body, name).map(v =>
        primitive !== undefined ? v2Dialect.fromJsonValue(primitive, v) : v === null ? null : String(v)
      );
  return { kind: 'primitive', name, collection, values };
}

// standard V2: <d:Fn>value</d:Fn> or <d:Fn><d:element>…</d:element></d:Fn>; CAP: an <entry> with text content
function atomValues(body: string, collection: boolean): readonly XmlElement[] {
  const root = parseAtomBody(body);
  return root.name === 'entry' ? [childOf(root, 'content') ?? root] : collection ? root.children : [root];
}

// a single complex or primitive value comes wrapped in an object named after the function: {"d":{"Fn":…}}
function jsonValues(body: string, name: string): readonly LosslessJson[] {
  const { items, single } = unwrapV2Json(parseJsonBody(body));
  return single ? items.map(v => (isLosslessObject(v) && name in v ? (v[name] ?? null) : v)) : items;
}

/**
 * Entities as the entity-set shape (`<Products><Product>…`), complex values as `<Fn><ComplexType>…</ComplexType></Fn>`,
 * a primitive as `<Fn>7</Fn>`, a primitive collection as `<Fn><element>…</element></Fn>`, void as `<Fn/>`.
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
      const [single = null] = result.values;
      if (!result.collection) {
        const nil: XmlAttributes = [
          ['xmlns:xsi', XSI_NAMESPACE],
          ['xsi:nil', 'true']
        ];
        w.leaf(result.name, single === null ? nil : [], single ?? undefined);
        return;
      }
      w.open(result.name, [['xmlns:xsi', XSI_NAMESPACE]]);
      for (const v of result.values) w.leaf('element', v === null ? [['xsi:nil', 'true']] : [], v ?? undefined);
      w.close();
    }
  }
}
