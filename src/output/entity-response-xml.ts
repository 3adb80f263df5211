import type { ConnectorError } from '../errors/connector-error';
import { writeError } from './error-xml';
import type { XmlAttributes, XmlWriter } from './xml-writer';

/** One property of an entity as X4 writes it: `<Property name type value isId/>`, nested for complex values. */
export interface EntityProperty {
  readonly name?: string;
  readonly type?: string;
  /** undefined for complex values and nulls. */
  readonly value?: string;
  readonly isId?: boolean;
  readonly isNull?: boolean;
  readonly properties?: readonly EntityProperty[];
  /** Set for `<Collection name>` members. */
  readonly collection?: boolean;
}

/** The outcome of writing one entity (or one request part). */
export interface EntityOutcome {
  readonly ok: boolean;
  readonly entitySet?: string;
  readonly qualifiedName?: string;
  readonly properties: readonly EntityProperty[];
  readonly httpStatus?: number;
  readonly etag?: string;
  /** Set for failed outcomes: why it failed. */
  readonly error?: ConnectorError;
  /** Extra attributes, e.g. `part`, `request`, `contentId` for batch parts. */
  readonly attributes?: XmlAttributes;
}

/** Writes `<Response>` with one `<OKEntities>` or `<FailEntities>` per outcome, in input order. */
export function writeEntityResponse(w: XmlWriter, outcomes: readonly EntityOutcome[]): void {
  w.open('Response');
  for (const outcome of outcomes) {
    w.open(outcome.ok ? 'OKEntities' : 'FailEntities', [
      ['entitySet', outcome.entitySet],
      ['qualifiedName', outcome.qualifiedName],
      ['httpStatus', outcome.httpStatus === undefined ? undefined : String(outcome.httpStatus)],
      ['etag', outcome.etag],
      ...(outcome.attributes ?? [])
    ]);
    writeProperties(w, outcome.properties);
    if (outcome.error !== undefined) writeError(w, outcome.error);
    w.close();
  }
  w.close();
}

function writeProperties(w: XmlWriter, properties: readonly EntityProperty[]): void {
  for (const p of properties) {
    const attributes: XmlAttributes = [
      ['isId', p.isId === true ? 'true' : undefined],
      // X4 writes primitive types short (`Int32`, `String`), whichever protocol the value came from.
      ['type', p.type?.replace(/^Edm\./, '')],
      ['value', p.value],
      ['name', p.name],
      ['nil', p.isNull === true ? 'true' : undefined]
    ];
    const element = p.collection === true ? 'Collection' : 'Property';
    if (p.properties === undefined || p.properties.length === 0) {
      w.leaf(element, attributes);
    } else {
      w.open(element, attributes);
      writeProperties(w, p.properties);
      w.close();
    }
  }
}
