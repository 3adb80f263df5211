import type { ConnectionContext } from '../connector/connector';
import { prepareHttpTransport } from '../connector/http-connection';
import type { ResolvedParams } from '../connector/param-spec';
import type { TransportMiddleware } from '../transport/middleware';
import type { Transport } from '../transport/transport';
import { csrfMiddleware } from './csrf-middleware';
import { serviceRootOf } from './service';

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

/**
 * Sends the service URL's own query parameters (SAP's `sap-client=100`) with every request to the service's
 * host (`$metadata`, reads, pages, CSRF fetch, writes, `$batch`), unless the URL already carries that
 * parameter (a next link usually does). The operations build URLs from the service root alone.
 */
export function serviceQueryMiddleware(serviceUrl: string): TransportMiddleware {
  const query = /^[^?#]*\?([^#]*)/.exec(serviceUrl)?.[1] ?? '';
  const pairs = query.split('&').filter(p => p !== '');
  const host = hostOf(serviceUrl);
  if (pairs.length === 0) return (request, next) => next(request);
  return (request, next) => {
    if (hostOf(request.url) !== host) return next(request);
    const [path = '', existing = ''] = request.url.split(/\?(.*)/s);
    const names = new Set(existing.split('&').map(p => p.split('=')[0]));
    const added = pairs.filter(p => !names.has(p.split('=')[0]));
    if (added.length === 0) return next(request);
    return next({ ...request, url: `${path}?${[existing, ...added].filter(p => p !== '').join('&')}` });
  };
}

function hostOf(url: string): string {
  return /^\w+:\/\/([^/?#]*)/.exec(url)?.[1]?.toLowerCase() ?? '';
}

/**
 * The cache key part that tells services apart: the service URL with its query (another `sap-client` is
 * another system's data and model) and the user (SAP filters `$metadata` by authorisation).
 */
export function serviceIdentity(serviceUrl: string, user: string): string {
  return `${serviceUrl.replace(/#.*$/, '')} as ${user}`;
}
