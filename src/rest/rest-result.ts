import type { ConnectorError } from '../errors/connector-error';
import { writeEntityResponse, type EntityProperty } from '../output/entity-response-xml';
import { jsonToX4, writeX4Node } from '../output/x4-node';
import type { XmlWriter } from '../output/xml-writer';

/**
 * What a management operation reports:
 * - `entity`: a change that worked (`<Response><OKEntities entitySet>` with `<Property>`s), or failed at the
 *   service (`<FailEntities>` with the same identifying properties and the service's `<Error>`);
 * - `object`: a read (`<Object>` of the response, list members as `<Array name>`).
 */
export type RestResult =
  | {
      readonly kind: 'entity';
      readonly entitySet: string;
      readonly properties: readonly EntityProperty[];
      readonly httpStatus?: number;
      readonly error?: ConnectorError;
    }
  | { readonly kind: 'object'; readonly value: unknown };

/** A successful change, reported as OKEntities. */
export function entityOk(entitySet: string, properties: readonly EntityProperty[], httpStatus?: number): RestResult {
  return { kind: 'entity', entitySet, properties, ...(httpStatus === undefined ? {} : { httpStatus }) };
}

/** A change the service refused, reported as FailEntities with the service's error. */
export function entityFailed(
  entitySet: string,
  properties: readonly EntityProperty[],
  error: ConnectorError
): RestResult {
  return {
    kind: 'entity',
    entitySet,
    properties,
    error,
    ...(error.details.httpStatus === undefined ? {} : { httpStatus: error.details.httpStatus })
  };
}

/** A read, reported as an `<Object>` of the decoded response. */
export function objectResult(value: unknown): RestResult {
  return { kind: 'object', value };
}

/** Shorthand for a string property (`isId` marks the key of the entity). */
export function property(
  name: string,
  value: string | number | boolean,
  type = typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean',
  isId = false
): EntityProperty {
  return { name, value: String(value), type, ...(isId ? { isId: true } : {}) };
}

/** Writes a {@link RestResult}. */
export function writeRestResult(w: XmlWriter, result: RestResult): void {
  if (result.kind === 'object') {
    writeX4Node(w, jsonToX4(result.value));
    return;
  }
  writeEntityResponse(w, [
    {
      ok: result.error === undefined,
      entitySet: result.entitySet,
      properties: result.properties,
      ...(result.httpStatus === undefined ? {} : { httpStatus: result.httpStatus }),
      ...(result.error === undefined ? {} : { error: result.error })
    }
  ]);
}
