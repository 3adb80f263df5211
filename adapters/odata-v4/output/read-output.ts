import { writeX4Node, type X4Node, type XmlWriter } from '../../../src/sdk';

/** A collection as X4 output: top-level annotations, then the items page by page (written as they come). */
export interface CollectionOutput {
  readonly kind: 'collection';
  readonly annotations: readonly X4Node[];
  readonly pages: readonly (readonly X4Node[])[];
}

export type ReadOutput = CollectionOutput | { readonly kind: 'node'; readonly node: X4Node };

/** A collection is `<Object>` with the annotations and `<Array name="value">`. */
export function writeReadOutput(output: ReadOutput, w: XmlWriter): void {
  if (output.kind === 'node') {
    writeX4Node(w, output.node);
    return;
  }
  w.open('Object');
  for (const a of output.annotations) writeX4Node(w, a);
  w.open('Array', [['name', 'value']]);
  for (const page of output.pages) for (const item of page) writeX4Node(w, item);
  w.close();
  w.close();
}
