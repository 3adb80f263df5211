import { restTransport, type Connector } from '../../src/sdk';
import { hdpConnection, hdpParams } from './hdp-connection';
import { createDataSource } from './operations/create-data-source';
import { deleteDataSource } from './operations/delete-data-source';
import { getDataSource } from './operations/get-data-source';
import { listDataSources } from './operations/list-data-sources';
import { refreshODataModel } from './operations/refresh-odata-model';
import { updateDataSource } from './operations/update-data-source';

/** Progress Hybrid Data Pipeline management API: data sources and their OData models (Basic auth). */
export const hdp: Connector = {
  name: 'hdp',
  description: 'Progress Hybrid Data Pipeline management API',
  params: hdpParams,
  operations: {
    RefreshODataModel: refreshODataModel,
    ListDataSources: listDataSources,
    GetDataSource: getDataSource,
    CreateDataSource: createDataSource,
    UpdateDataSource: updateDataSource,
    DeleteDataSource: deleteDataSource
  },
  prepareTransport: restTransport(hdpConnection)
};
