import type { EdmPrimitiveType } from '../../../src/sdk';

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
