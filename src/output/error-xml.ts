import type { ConnectorError } from '../errors/connector-error';
import type { XmlWriter } from './xml-writer';

/**
 * Writes a failure as `<Error code="…">` with the message, the HTTP exchange and the service's own error.
 * Used as the whole output of a status -1 result, and inside `<FailEntities>` for a failed part.
 */
export function writeError(w: XmlWriter, error: ConnectorError): void {
  const d = error.details;
  w.open('Error', [
    ['code', error.code],
    ['httpStatus', d.httpStatus === undefined ? undefined : String(d.httpStatus)]
  ]);
  w.leaf('Message', [], error.message);
  if (d.serviceCode !== undefined || d.serviceMessage !== undefined) {
    w.leaf('ServiceError', [['code', d.serviceCode]], d.serviceMessage ?? '');
  }
  if (d.method !== undefined || d.url !== undefined)
    w.leaf('Request', [
      ['method', d.method],
      ['url', d.url]
    ]);
  if (d.target !== undefined) w.leaf('Target', [], d.target);
  for (const [name, value] of Object.entries(d.extra ?? {})) w.leaf('Detail', [['name', name]], value);
  w.close();
}
