import { restTransport, type Connector } from '../../src/sdk';
import { dataworksConnection, dataworksParams } from './dataworks-connection';
import { createDataServiceApi } from './operations/create-data-service-api';
import { deleteDataServiceApi } from './operations/delete-data-service-api';
import { getDataServiceApi } from './operations/get-data-service-api';
import { listDataServiceApis } from './operations/list-data-service-apis';
import { publishDataServiceApi } from './operations/publish-data-service-api';
import { updateDataServiceApi } from './operations/update-data-service-api';

/** Alibaba Cloud DataWorks DataService Studio: the data APIs a flow publishes (signed RPC-style calls). */
export const dataworks: Connector = {
  name: 'dataworks',
  description: 'Alibaba Cloud DataWorks DataService Studio APIs',
  params: dataworksParams,
  operations: {
    UpdateDataServiceApi: updateDataServiceApi,
    CreateDataServiceApi: createDataServiceApi,
    GetDataServiceApi: getDataServiceApi,
    PublishDataServiceApi: publishDataServiceApi,
    DeleteDataServiceApi: deleteDataServiceApi,
    ListDataServiceApis: listDataServiceApis
  },
  prepareTransport: restTransport(dataworksConnection)
};
