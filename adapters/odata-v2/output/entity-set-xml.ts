import type { EdmPrimitiveType, XmlAttributes, XmlWriter } from '../../../src/sdk';

/** One entity read from a response (JSON verbose or Atom), values in canonical form. */
export interface EntityRecord {
  /** Simple name of the entity type; the element name in the output. */
  readonly typeName: string;
  readonly qualifiedName?: string;
  readonly etag?: string;
  readonly uri?: string;
  readonly fields: readonly RecordField[];
}

export type RecordField =
  | {
      readonly kind: 'primitive';
      readonly name: string;
      readonly type?: EdmPrimitiveType;
      readonly value: string | null;
    }
  | { readonly kind: 'complex'; readonly name: string; readonly fields: readonly RecordField[] | null }
  | {
      readonly kind: 'navigation';
      readonly name: string;
      readonly collection: boolean;
      readonly entities: readonly EntityRecord[];
    };

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const NIL: XmlAttributes = [['xsi:nil', 'true']];

// The CPI entity-set shape, values in the payload formats of the CPI table, so a result can be fed back as a write
// payload (the `etag` attribute included: Update/Merge/Delete send it as If-Match).
export function writeEntitySet(
  w: XmlWriter,
  root: string,
  records: readonly EntityRecord[],
  attributes: XmlAttributes = []
): void {
  openEntitySet(w, root, attributes);
  writeEntities(w, records);
  w.close();
}

// A streamed read writes its entities page by page, then closes the root.
export function openEntitySet(w: XmlWriter, root: string, attributes: XmlAttributes = []): void {
  w.open(root, [['xmlns:xsi', XSI_NAMESPACE], ...attributes]);
}

export function writeEntities(w: XmlWriter, records: readonly EntityRecord[]): void {
  for (const record of records) writeEntity(w, record);
}

function writeEntity(w: XmlWriter, record: EntityRecord): void {
  w.open(record.typeName, [['etag', record.etag]]);
  writeFields(w, record.fields);
  w.close();
}

export function writeFields(w: XmlWriter, fields: readonly RecordField[]): void {
  for (const field of fields) {
    switch (field.kind) {
      case 'primitive':
        w.leaf(field.name, field.value === null ? NIL : [], field.value ?? undefined);
        break;
      case 'complex':
        if (field.fields === null) w.leaf(field.name, NIL);
        else {
          w.open(field.name);
          writeFields(w, field.fields);
          w.close();
        }
        break;
      case 'navigation':
        w.open(field.name);
        for (const e of field.entities) writeEntity(w, e);
        w.close();
    }
  }
}
