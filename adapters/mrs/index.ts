import type { Connector } from '../../src/sdk';

/** Placeholder: the connector's operations are being built. */
export const mrs: Connector = {
  name: 'mrs',
  description: 'Huawei Cloud MapReduce Service data connections',
  params: {},
  operations: {}
};
