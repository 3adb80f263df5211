import { writeX4Node, x4Value, type X4Node, type XmlWriter } from '../../../src/sdk';

/** A collection as X4 output: top-level annotations, then the items (a service document, a small answer). */
export interface CollectionOutput {
  readonly kind: 'collection';
  readonly annotations: readonly X4Node[];
  readonly pages: readonly (readonly X4Node[])[];
}

/**
 * A collection already written page by page as it came (see {@link openCollection}): the write closes it, with
 * the `@odata.nextLink` to pass back when only one page was asked for.
 */
export interface StreamedCollection {
  readonly kind: 'streamed';
  readonly nextLink?: string | undefined;
}

export type ReadOutput = CollectionOutput | StreamedCollection | { readonly kind: 'node'; readonly node: X4Node };

/** Opens a collection: `<Object>` with the annotations, then `<Array name="value">` for the items. */
export function openCollection(w: XmlWriter, annotations: readonly X4Node[]): void {
  w.open('Object');
  for (const a of annotations) writeX4Node(w, a);
  w.open('Array', [['name', 'value']]);
}

/** Ends what {@link openCollection} opened; a next link follows the items, as in the JSON. */
function closeCollection(w: XmlWriter, nextLink?: string): void {
  w.close();
  if (nextLink !== undefined) writeX4Node(w, x4Value('@odata.nextLink', 'String', nextLink));
  w.close();
}

export function writeReadOutput(output: ReadOutput, w: XmlWriter): void {
  switch (output.kind) {
    case 'node':
      return writeX4Node(w, output.node);
    case 'streamed':
      return closeCollection(w, output.nextLink);
    case 'collection':
      openCollection(w, output.annotations);
      for (const page of output.pages) for (const item of page) writeX4Node(w, item);
      return closeCollection(w);
  }
}
