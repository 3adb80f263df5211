import type { Connector } from '../../src/sdk';

/** Placeholder: the connector's operations are being built. */
export const odataV4: Connector = {
  name: 'odata-v4',
  description: 'OData V4 (SoftProject X4 OData connector operations)',
  params: {},
  operations: {}
};
