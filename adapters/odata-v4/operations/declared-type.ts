import { ConnectorError, normalizeEdmType, x4TypeOfEdm } from '../../../src/sdk';
import type { EnvelopeProperty } from '../envelope/entity-envelope';

/**
 * Checks an envelope property's `type` attribute against the type `$metadata` declares, before anything is
 * sent. `$metadata` types the value; the attribute is the writer's claim about it, and a claim that contradicts
 * the service means the envelope was written for another model.
 *
 * Compatible: the same Edm type in any spelling (`int32`, `Edm.Int32`); the X4 output class of the declared type
 * (`Number` for any number, `String` for text-valued types such as Guid or Date, `Boolean`), so an output fed back
 * as input passes; and for complex types the same simple name in any namespace (the X4 documentation's TripPin
 * sample names `Microsoft.OData.SampleService.Models.TripPin.Location` for a service's own `Location`).
 * Entity types (deep inserts) are not compared: entity type names differ between services (`Person`/`People`).
 */
export function checkDeclaredType(p: EnvelopeProperty, typeName: string, isComplex: boolean): void {
  const claim = p.type;
  if (claim === undefined || /^null$/i.test(claim)) return;
  const declared = /^Collection\((.*)\)$/.exec(typeName)?.[1] ?? typeName;
  const claimed = /^Collection\((.*)\)$/.exec(claim)?.[1] ?? claim;
  const primitive = normalizeEdmType(claimed);
  const fits = declared.startsWith('Edm.')
    ? (primitive !== undefined && x4TypeOfEdm(primitive) === x4TypeOfEdm(declared)) ||
      claimed.toLowerCase() === x4TypeOfEdm(declared).toLowerCase()
    : !isComplex || (primitive === undefined && simpleName(claimed) === simpleName(declared));
  if (fits) return;
  const known = primitive !== undefined || /^number$/i.test(claimed) || claimed.includes('.');
  const why = known
    ? ''
    : ` ("${claimed}" is neither an Edm type such as Int32 or String, nor Number, nor a qualified type name)`;
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${p.path}: type="${claim}" does not fit ${p.name ?? 'the value'}, which $metadata declares as ${typeName}${why}`,
    {
      target: `${p.path}/@type`
    }
  );
}

function simpleName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf('.') + 1);
}
