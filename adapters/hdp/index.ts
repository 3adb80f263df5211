import type { Connector } from '../../src/sdk';

/** Placeholder: the connector's operations are being built. */
export const hdp: Connector = {
  name: 'hdp',
  description: 'Progress Hybrid Data Pipeline management API',
  params: {},
  operations: {}
};
