import { envelopeError, type EdmModel, type XmlElement } from '../../../src/sdk';
import { bindEntity, type EntityPayload } from './entity-payload';

/** `<EntitySet>` with one or more entity elements, not yet bound to the model. */
export interface EntityEnvelope {
  readonly entitySet: string;
  readonly entities: readonly XmlElement[];
}

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

/** Every entity before anything is sent, so one bad entity stops the whole call. */
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
