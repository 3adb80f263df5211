import { envelopeError, type EnvelopeJson, type ObjectShape } from '../../../src/sdk';

/** Connection types the Data Sources API accepts (its error 222207005: "Expected values for connectType : 'Cloud' / 'Hybrid'"). */
export const CONNECTION_TYPES = ['Cloud', 'Hybrid'] as const;

/**
 * The data-source request of the Data Sources API ("Create a data source" / "Update a data source"); `options` are
 * the data store's connection options (credential-named ones are secrets). Name rule as documented: a letter
 * first, then letters, digits, '_' and '-'. dataStore and connectionType cannot change on update (HDP checks that
 * they match; 222207008).
 */
export function dataSourceShape(forCreate: boolean): ObjectShape {
  return {
    type: 'object',
    fields: {
      name: {
        type: 'string',
        required: forCreate,
        pattern: /^[A-Za-z][A-Za-z0-9_-]*$/,
        rule: 'a letter followed by letters, digits, "_" or "-"'
      },
      dataStore: { type: 'integer', required: forCreate, min: 1 },
      connectionType: { type: 'string', required: forCreate, values: CONNECTION_TYPES },
      description: { type: 'string' },
      options: { type: 'object', fields: {}, extra: 'string' }
    }
  };
}

/** An update must change at least one field. */
export function requireChange(body: EnvelopeJson | undefined): EnvelopeJson {
  if (body === undefined || Object.keys(body).length === 0)
    throw envelopeError('<dataSource> names no field to change', 'dataSource');
  return body;
}
