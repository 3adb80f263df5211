import { buildJsonFromXml, envelopeError, type ObjectShape, type XmlElement } from '../../../src/sdk';

/** The data-source request of the Data Sources API; `options` are the data store's connection options. */
export function dataSourceShape(forCreate: boolean): ObjectShape {
  return {
    type: 'object',
    fields: {
      name: { type: 'string', required: forCreate },
      dataStore: { type: 'integer', required: forCreate, min: 1 },
      connectionType: { type: 'string', required: forCreate },
      description: { type: 'string' },
      options: { type: 'object', fields: {}, extra: 'string' }
    }
  };
}

/** Reads `<dataSource>` into the request body; an update must change at least one field. */
export function readDataSource(envelope: XmlElement | undefined, forCreate: boolean): Record<string, unknown> {
  if (envelope === undefined) throw envelopeError('This operation needs a <dataSource> envelope');
  const body = buildJsonFromXml(envelope, dataSourceShape(forCreate), 'dataSource');
  if (Object.keys(body).length === 0) throw envelopeError('<dataSource> names no field to change', 'dataSource');
  return body;
}
