import { ConnectorError, type EnvelopeJson, type ObjectShape } from '../../src/sdk';

/** The entity set name MRS data connections are reported under. */
export const DATA_CONNECTOR_SET = 'DataConnector';

/** The data connection types MRS accepts (validated before sending). */
export const SOURCE_TYPES = ['RDS_POSTGRES', 'RDS_MYSQL', 'gaussdb-mysql'] as const;

/**
 * `source_info`: structured elements serialised to the JSON string MRS expects; further keys pass as strings.
 * The API reference documents only the RDS_MYSQL example (db_name, user_name, password, rds_instance_id);
 * Huawei's Terraform provider (resource_huaweicloud_mapreduce_data_connection.go) sends these same four keys
 * for every source_type, gaussdb-mysql included.
 */
const sourceInfoShape: ObjectShape = {
  type: 'object',
  fields: {
    db_name: { type: 'string', required: true },
    user_name: { type: 'string', required: true },
    password: { type: 'string', required: true, secret: true },
    rds_instance_id: { type: 'string' }
  },
  extra: 'string'
};

/** `<data_connector>`: the request body's `data_connector` object, element for field. */
export const dataConnectorShape: ObjectShape = {
  type: 'object',
  fields: {
    connector_name: { type: 'string', required: true },
    source_type: { type: 'string', required: true, values: SOURCE_TYPES },
    source_info: { type: 'jsonString', required: true, shape: sourceInfoShape }
  }
};

/**
 * Checks `<data_connector>` beyond its shape: every source type needs rds_instance_id (the database instance;
 * Huawei's Terraform provider requires it for all three).
 */
export function checkDataConnector(body: EnvelopeJson | undefined): EnvelopeJson {
  const built = body ?? {};
  const info = JSON.parse(String(built['source_info'] ?? '{}')) as Record<string, unknown>;
  if (typeof info['rds_instance_id'] !== 'string' || info['rds_instance_id'] === '') {
    throw new ConnectorError(
      'VALUE_INVALID',
      `source_info of a ${String(built['source_type'])} connection needs rds_instance_id (the ID of the database instance)`,
      { target: 'data_connector/source_info/rds_instance_id' }
    );
  }
  return built;
}

const CONNECTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks a data connection ID (letters, digits, '_' and '-', at most 64, as the API reference gives; empty is refused since it is a path segment). */
export function checkConnectorId(id: string): void {
  if (!CONNECTOR_ID.test(id)) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `Parameter "connectorId" must be 1-64 letters, digits, '_' or '-', got ${JSON.stringify(id)}`,
      { target: 'connectorId' }
    );
  }
}
