import { HDP_PERMISSIONS, hdpHint, hdpOperation } from '../hdp-connection';

/** ListDataSources: `GET /api/mgmt/datasources`, filters `member`, `type`, `isOData` (joined with ';' as documented). */
export const listDataSources = hdpOperation.define({
  description: 'Lists HDP data sources (credentials in options masked)',
  params: {
    member: { type: 'string', description: 'Only groups that have this data source as a member' },
    type: { type: 'enum', values: ['all', 'simple', 'group'], description: 'all, simple (no groups) or group' },
    isOData: { type: 'boolean', description: 'Only data sources enabled (true) or not enabled (false) for OData' }
  },
  envelope: 'none',
  method: 'GET',
  path: '/api/mgmt/datasources',
  query: { member: 'member', type: 'type', isOData: 'isOData' },
  querySeparator: ';',
  hint: hdpHint(HDP_PERMISSIONS.view),
  result: { kind: 'object' }
});
