import { SOURCE_TYPES } from '../data-connector-envelope';
import { mrsOperation } from '../mrs-connection';

/** Parses a connection's `source_info` JSON string into an object (its credentials are masked as every read's are). */
export function revealSourceInfo(connector: unknown): unknown {
  if (connector === null || typeof connector !== 'object') return connector;
  const c = connector as Record<string, unknown>;
  if (typeof c['source_info'] !== 'string') return c;
  try {
    return { ...c, source_info: JSON.parse(c['source_info']) as unknown };
  } catch {
    return c;
  }
}

/**
 * ListDataConnections: `GET /v2/{project_id}/data-connectors` with the documented filters → `<Object>`. Without an
 * offset every page is read (`limit` items at a time); with one, that page alone.
 */
export const listDataConnections = mrsOperation.define({
  description: 'Lists MRS data connections (source_info as an object, passwords masked)',
  params: {
    connectorId: { type: 'string', description: 'Only the connection with this ID' },
    sourceType: { type: 'enum', values: SOURCE_TYPES, description: 'Only connections of this type' },
    connectorName: { type: 'string', description: 'Only connections of this name' },
    limit: { type: 'integer', min: 1, max: 1000, description: 'Results per page (1-1000)' },
    offset: { type: 'integer', min: 0, description: 'Start offset of the page' },
    available: { type: 'boolean', description: 'Only valid (true) or invalid (false) connections' }
  },
  envelope: 'none',
  method: 'GET',
  path: '/v2/{projectId}/data-connectors',
  query: {
    connector_id: 'connectorId',
    source_type: 'sourceType',
    connector_name: 'connectorName',
    limit: 'limit',
    offset: 'offset',
    available: 'available'
  },
  paging: { offset: 'offset', items: 'data_connectors', total: 'total_count' },
  result: {
    kind: 'object',
    map: body => {
      const page = body as Record<string, unknown>;
      const list = Array.isArray(page['data_connectors']) ? page['data_connectors'].map(revealSourceInfo) : [];
      return { total_count: page['total_count'] ?? list.length, data_connectors: list };
    }
  }
});
