import type { ConnectionContext } from '../connector/connector';
import { prepareHttpTransport } from '../connector/http-connection';
import type { ResolvedParams } from '../connector/param-spec';
import type { TransportMiddleware } from '../transport/middleware';
import type { Transport } from '../transport/transport';
import { csrfMiddleware } from './csrf-middleware';
import { serviceRootOf } from './service';
import { serviceQueryMiddleware } from './service-query-middleware';

/**
 * The transport of an OData connection (`serviceUrl`, `csrf` and the HTTP auth parameters): auth and timeout,
 * the connector's own middlewares, the SAP-style CSRF session for modifying requests unless `csrf` is false,
 * and the service URL's query (`sap-client`) on every request to its host, the token fetch included.
 */
export function prepareODataTransport(
  transport: Transport,
  params: ResolvedParams,
  connection: ConnectionContext,
  ...extra: readonly TransportMiddleware[]
): Transport {
  const { serviceUrl, csrf } = params;
  const url = String(serviceUrl);
  const session = csrf === false ? [] : [csrfMiddleware(connection, serviceRootOf(url))];
  return prepareHttpTransport(transport, params, ...extra, ...session, serviceQueryMiddleware(url));
}
