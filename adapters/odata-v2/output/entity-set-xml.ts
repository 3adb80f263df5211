import type { XmlAttributes, XmlWriter } from '../../../src/sdk';
import type { EntityRecord, RecordField } from './entity-record';

/** The XML Schema instance namespace, declared on every root that may carry `xsi:nil`. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Writes entities in the SAP CPI entity-set shape: `<Products><Product><ID>1</ID>…</Product></Products>`.
 * Values are in the payload formats of the CPI table, so the result can be fed back as a write payload;
 * nulls are `xsi:nil="true"`, expanded navigations nest as `<Category><Category>…</Category></Category>`,
 * and an entity's ETag is its `etag` attribute (Update/Merge/Delete send it back as If-Match).
 */
export function writeEntitySet(
  w: XmlWriter,
  root: string,
  records: readonly EntityRecord[],
  attributes: XmlAttributes = []
): void {
  if (records.length === 0) {
    w.leaf(root, [['xmlns:xsi', XSI_NAMESPACE], ...attributes]);
    return;
  }
  w.open(root, [['xmlns:xsi', XSI_NAMESPACE], ...attributes]);
  for (const record of records) writeEntity(w, record);
  w.close();
}

/** Writes one entity element. */
export function writeEntity(w: XmlWriter, record: EntityRecord): void {
  if (record.fields.length === 0) {
    w.leaf(record.typeName, [['etag', record.etag]]);
    return;
  }
  w.open(record.typeName, [['etag', record.etag]]);
  writeFields(w, record.fields);
  w.close();
}

/** Writes record fields as elements (also used for complex function import results). */
export function writeFields(w: XmlWriter, fields: readonly RecordField[]): void {
  for (const field of fields) {
    switch (field.kind) {
      case 'primitive':
        if (field.value === null) w.leaf(field.name, [['xsi:nil', 'true']]);
        else w.leaf(field.name, [], field.value);
        break;
      case 'complex':
        if (field.fields === null) w.leaf(field.name, [['xsi:nil', 'true']]);
        else if (field.fields.length === 0) w.leaf(field.name);
        else {
          w.open(field.name);
          writeFields(w, field.fields);
          w.close();
        }
        break;
      case 'navigation':
        if (field.entities.length === 0) w.leaf(field.name);
        else {
          w.open(field.name);
          for (const e of field.entities) writeEntity(w, e);
          w.close();
        }
        break;
    }
  }
}
