import { envelopeError, type EdmModel, type XmlElement } from '../../../src/sdk';
import { bindEntity, type EntityPayload } from './entity-payload';

/** The structural read of a write envelope: `<EntitySet>` with one or more entity elements. */
export interface EntityEnvelope {
  readonly entitySet: string;
  readonly entities: readonly XmlElement[];
}

/** Reads `<EntitySet><EntityType>…</EntityType>…</EntitySet>`; throws ENVELOPE_INVALID when there is no entity element. */
export function readEntityEnvelope(envelope: XmlElement | undefined, operation: string): EntityEnvelope {
  if (envelope === undefined)
    throw envelopeError(`${operation} needs an envelope <EntitySet><EntityType>…</EntityType></EntitySet>`);
  if (envelope.children.length === 0) {
    throw envelopeError(
      `<${envelope.name}> contains no entity; ${operation} expects <${envelope.name}><EntityType>…</EntityType></${envelope.name}>`,
      envelope.name
    );
  }
  return { entitySet: envelope.name, entities: envelope.children };
}

/** Binds every entity of an envelope before anything is sent, so one bad entity stops the whole call. */
export function bindEnvelope(
  model: EdmModel,
  envelope: EntityEnvelope,
  entitySet: string = envelope.entitySet
): EntityPayload[] {
  return envelope.entities.map((e, i) =>
    bindEntity(
      model,
      entitySet,
      e,
      envelope.entities.length > 1 ? `${envelope.entitySet}[${i + 1}]` : envelope.entitySet
    )
  );
}
