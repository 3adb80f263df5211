import {
  buildJsonFromXml,
  CREDENTIAL_KEY,
  ConnectorError,
  envelopeError,
  type ObjectShape,
  type XmlElement
} from '../../src/sdk';

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
    password: { type: 'string', required: true },
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

/** `source_info` keys that hold a credential (the pattern HDP's options use too). */
export const SECRET_SOURCE_KEY = CREDENTIAL_KEY;

/** The credential values of a `source_info` object: strings under a {@link SECRET_SOURCE_KEY} name. */
export function sourceInfoSecrets(info: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(info).flatMap(([k, v]) =>
    SECRET_SOURCE_KEY.test(k) && typeof v === 'string' && v !== '' ? [v] : []
  );
}

/** The validated `data_connector` object and the credentials inside its source_info (secrets). */
export interface DataConnectorInput {
  readonly dataConnector: {
    readonly connector_name: string;
    readonly source_type: string;
    readonly source_info: string;
  };
  readonly secrets: readonly string[];
}

/**
 * Reads `<data_connector>` (the envelope root): connector_name, source_type (one of {@link SOURCE_TYPES}),
 * source_info as child elements (db_name, user_name, password, rds_instance_id, …) or as JSON text.
 * Every source type needs rds_instance_id (the database instance; Huawei's Terraform provider requires it for all three).
 */
export function readDataConnector(envelope: XmlElement | undefined): DataConnectorInput {
  if (envelope === undefined) throw envelopeError('This operation needs a <data_connector> envelope');
  const built = buildJsonFromXml(envelope, dataConnectorShape, 'data_connector');
  const sourceType = String(built['source_type']);
  const sourceInfo = String(built['source_info']);
  const info = JSON.parse(sourceInfo) as Record<string, unknown>;
  if (typeof info['rds_instance_id'] !== 'string' || info['rds_instance_id'] === '') {
    throw new ConnectorError(
      'VALUE_INVALID',
      `source_info of a ${sourceType} connection needs rds_instance_id (the ID of the database instance)`,
      { target: 'data_connector/source_info/rds_instance_id' }
    );
  }
  return {
    dataConnector: {
      connector_name: String(built['connector_name']),
      source_type: sourceType,
      source_info: sourceInfo
    },
    secrets: sourceInfoSecrets(info)
  };
}

const CONNECTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates a data connection ID (letters, digits, '_' and '-', at most 64, as the API reference gives; empty is refused since it is a path segment). */
export function validateConnectorId(value: unknown): string {
  const id = String(value ?? '');
  if (!CONNECTOR_ID.test(id)) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `Parameter "connectorId" must be 1-64 letters, digits, '_' or '-', got ${JSON.stringify(id)}`,
      { target: 'connectorId' }
    );
  }
  return id;
}
