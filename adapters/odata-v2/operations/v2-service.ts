import {
  metadataSource,
  serviceRootOf,
  V2_ACCEPT,
  v2Dialect,
  type EdmModel,
  type HttpMethod,
  type HttpRequest,
  type PlanContext,
  type TransportMiddleware
} from '../../../src/sdk';
import type { ConnectionParams } from '../params';

export interface V2Service {
  readonly model: EdmModel;
  /** With one trailing slash and no query (the transport adds the service URL's query). */
  readonly root: string;
  readonly format: 'json' | 'atom';
  readonly now: () => Date;
}

export const v2Model = metadataSource(v2Dialect);

export function v2Service({ params, model, now }: PlanContext<ConnectionParams, EdmModel>): V2Service {
  return { model, root: serviceRootOf(params.serviceUrl), format: params.format, now };
}

/** A request to a path below the service root, or to an absolute URL (a next link). */
export function serviceRequest(
  service: V2Service,
  method: HttpMethod,
  pathAndQuery: string,
  extra: Record<string, string> = {},
  body?: string
): HttpRequest {
  return {
    method,
    url: /^https?:\/\//i.test(pathAndQuery) ? pathAndQuery : `${service.root}${pathAndQuery}`,
    headers: { ...v2Dialect.jsonHeaders, accept: V2_ACCEPT[service.format], ...extra },
    ...(body === undefined ? {} : { body })
  };
}

// methodTunneling: in the transport, so errors still name the verb the operation meant.
export const tunnelMiddleware: TransportMiddleware = (request, next) => {
  if (!['PUT', 'MERGE', 'PATCH', 'DELETE'].includes(request.method)) return next(request);
  // A bodiless POST would get the HTTP client's default form content type, which servers (CAP) refuse with 405.
  const bodiless =
    request.body === undefined && !Object.keys(request.headers ?? {}).some(h => h.toLowerCase() === 'content-type');
  const headers = { ...request.headers, 'x-http-method': request.method };
  return next({
    ...request,
    method: 'POST',
    headers: bodiless ? { ...headers, 'content-type': 'application/json' } : headers
  });
};
