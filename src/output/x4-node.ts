import { JsonNumber } from '../odata/lossless-json';
import type { XmlWriter } from './xml-writer';

/** The X4 value types of `<Value type="…">`. */
export type X4ValueType = 'String' | 'Number' | 'Boolean' | 'Null';

/** The protocol-neutral result tree that X4 renders as `<Object>/<Value>/<Array>`. */
export type X4Node =
  | { readonly kind: 'value'; readonly name?: string; readonly type: X4ValueType; readonly text: string }
  | { readonly kind: 'object'; readonly name?: string; readonly members: readonly X4Node[] }
  | { readonly kind: 'array'; readonly name?: string; readonly items: readonly X4Node[] };

/** Builds a value leaf. */
export function x4Value(name: string | undefined, type: X4ValueType, text: string): X4Node {
  return name === undefined ? { kind: 'value', type, text } : { kind: 'value', name, type, text };
}

/** Writes one node: `<Value type name>text</Value>`, `<Object name>…</Object>` or `<Array name>…</Array>`. */
export function writeX4Node(w: XmlWriter, node: X4Node): void {
  switch (node.kind) {
    case 'value':
      w.leaf(
        'Value',
        [
          ['type', node.type],
          ['name', node.name]
        ],
        node.type === 'Null' ? undefined : node.text
      );
      return;
    case 'object':
      w.open('Object', [['name', node.name]]);
      for (const member of node.members) writeX4Node(w, member);
      w.close();
      return;
    case 'array':
      w.open('Array', [['name', node.name]]);
      for (const item of node.items) writeX4Node(w, item);
      w.close();
      return;
  }
}

/**
 * Turns parsed JSON (plain or lossless) into an X4 tree. `typeOf` may override the inferred type of a named leaf
 * (so an Int64 sent as a JSON string still renders as Number); a {@link JsonNumber} keeps the text the service sent.
 */
export function jsonToX4(
  value: unknown,
  name?: string,
  typeOf: (name: string, value: unknown) => X4ValueType | undefined = () => undefined
): X4Node {
  if (Array.isArray(value)) {
    return {
      kind: 'array',
      ...(name === undefined ? {} : { name }),
      items: value.map(v => jsonToX4(v, undefined, typeOf))
    };
  }
  if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) {
    const members = Object.entries(value as Record<string, unknown>).map(([k, v]) => jsonToX4(v, k, typeOf));
    return { kind: 'object', ...(name === undefined ? {} : { name }), members };
  }
  const declared = name === undefined ? undefined : typeOf(name, value);
  if (value === null || value === undefined) return x4Value(name, 'Null', '');
  if (typeof value === 'boolean') return x4Value(name, declared ?? 'Boolean', String(value));
  if (typeof value === 'number' || value instanceof JsonNumber)
    return x4Value(name, declared ?? 'Number', String(value));
  return x4Value(name, declared ?? 'String', String(value));
}
