import type { Connector } from '../../src/sdk';

/** Placeholder: the connector's operations are being built. */
export const odataV2: Connector = {
  name: 'odata-v2',
  description: 'OData V2 (SAP Cloud Integration OData V2 adapter payloads)',
  params: {},
  operations: {}
};
