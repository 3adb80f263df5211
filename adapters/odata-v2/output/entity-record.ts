import type { EdmPrimitiveType, EdmStructuredType } from '../../../src/sdk';

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

/** A decoded response page: one or more entities, with the V2 inline count and next link when sent. */
export interface RecordPage {
  readonly records: readonly EntityRecord[];
  /** True when the response was a single entity rather than a feed. */
  readonly single: boolean;
  readonly count?: string;
  readonly next?: string;
}

/** A record typed by `type` when the model knows it, else named after the type the response declared. */
export function entityRecord(
  type: EdmStructuredType | undefined,
  declared: string | undefined,
  fields: readonly RecordField[],
  etag: string | undefined,
  uri: string | undefined
): EntityRecord {
  return {
    typeName: type?.name ?? declared?.slice(declared.lastIndexOf('.') + 1) ?? 'Entity',
    ...(type === undefined ? {} : { qualifiedName: type.qualifiedName }),
    ...(etag === undefined ? {} : { etag }),
    ...(uri === undefined ? {} : { uri }),
    fields
  };
}
