import type { XmlWriter } from '../../../src/sdk';
import { writeEntitySet, writeFields, XSI_NAMESPACE } from './entity-set-xml';
import type { EntityRecord, RecordField } from './entity-record';

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
