import type { Connector } from '../../src/sdk';

/** Placeholder: the connector's operations are being built. */
export const dataworks: Connector = {
  name: 'dataworks',
  description: 'Alibaba Cloud DataWorks DataService Studio APIs',
  params: {},
  operations: {}
};
