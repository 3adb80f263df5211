import { restTransport, type Connector } from '../../src/sdk';
import { mrsConnection, mrsParams } from './mrs-connection';
import { createDataConnection } from './operations/create-data-connection';
import { deleteDataConnection } from './operations/delete-data-connection';
import { listDataConnections } from './operations/list-data-connections';
import { updateDataConnection } from './operations/update-data-connection';

/** Huawei Cloud MapReduce Service (MRS) data connections: the RDS/GaussDB sources a flow publishes over OData. */
export const mrs: Connector = {
  name: 'mrs',
  description: 'Huawei Cloud MapReduce Service data connections',
  params: mrsParams,
  operations: {
    UpdateDataConnection: updateDataConnection,
    CreateDataConnection: createDataConnection,
    ListDataConnections: listDataConnections,
    DeleteDataConnection: deleteDataConnection
  },
  prepareTransport: restTransport(mrsConnection)
};
