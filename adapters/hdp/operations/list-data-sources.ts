import { defineRestOperation, type RestOperationSpec } from '../../../src/sdk';
import { HDP_PERMISSIONS, hdpConnection } from '../hdp-connection';
import { decodeHdpRead } from '../hdp-decode';

interface ListInput {
  readonly filters: ReadonlyArray<readonly [string, string | undefined]>;
}

/** ListDataSources: `GET /api/mgmt/datasources`, filters `member`, `type`, `isOData` (joined with ';' as documented). */
export const listDataSourcesSpec: RestOperationSpec<ListInput> = {
  description: 'Lists HDP data sources (credentials in options masked)',
  params: {
    member: { type: 'string', description: 'Only groups that have this data source as a member' },
    type: { type: 'enum', values: ['all', 'simple', 'group'], description: 'all, simple (no groups) or group' },
    isOData: { type: 'boolean', description: 'Only data sources enabled (true) or not enabled (false) for OData' }
  },
  envelope: 'none',
  connection: hdpConnection,
  method: 'GET',
  path: '/api/mgmt/datasources',
  read: (_, params) => ({
    filters: (['member', 'type', 'isOData'] as const).map(
      k => [k, params[k] === undefined ? undefined : String(params[k])] as const
    )
  }),
  request: input => ({ query: input.filters, querySeparator: ';' }),
  decode: (response, call) => decodeHdpRead(response, call, HDP_PERMISSIONS.view)
};

export const listDataSources = defineRestOperation(listDataSourcesSpec);
