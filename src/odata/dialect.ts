import type { EdmPrimitiveType } from './edm';
import type { JsonOut, LosslessJson, LosslessObject } from './lossless-json';
import type { EdmModel } from './metadata';

/** A collection response as a dialect reads it: its items, its next link as sent, and its other members. */
export interface CollectionBody {
  readonly items: readonly LosslessJson[];
  readonly next?: string;
  /** Members besides the items and the next link (V4 `@odata.context`, `@odata.count`; V2 `__count`). */
  readonly annotations: LosslessObject;
}

/** Where a next link was found: the page's URL, the service root, and the page itself (V4 resolves against its context). */
export interface NextLinkSource {
  readonly url: string;
  readonly serviceRoot: string;
  readonly page?: LosslessObject;
}

/** The wire facts in which OData V2 and V4 differ: the engine asks the dialect and never branches on the version. */
export interface ODataDialect {
  readonly version: EdmModel['version'];
  /** Headers every JSON read carries (accept, and V2's DataServiceVersion). */
  readonly jsonHeaders: Readonly<Record<string, string>>;
  readonly jsonContentType: string;
  readonly partialUpdateMethod: 'MERGE' | 'PATCH';
  /** The next link's name, for messages. */
  readonly nextLinkName: string;
  collectionOf(body: LosslessObject): CollectionBody | undefined;
  /** The entity (or complex value) a single-entity response carries. */
  singleOf(body: LosslessObject): LosslessObject;
  etagOf(entity: LosslessObject): string | undefined;
  /** Resolves a next link as the service sent it into the URL to read (a refusal throws RESPONSE_INVALID). */
  resolveNextLink(next: string, from: NextLinkSource): string;
  /** A value as a URI literal (keys, function parameters), not yet percent-encoded. */
  uriLiteral(type: EdmPrimitiveType, text: string): string;
  /** An envelope value as its JSON body value; throws VALUE_INVALID naming `target` when it does not fit its type. */
  toJsonValue(type: EdmPrimitiveType, text: string, target: string): JsonOut;
  /** A JSON body value as text (numbers exactly as sent); null stays null. */
  fromJsonValue(type: EdmPrimitiveType, value: LosslessJson): string | null;
}
