import {
  httpStatusError,
  isSuccess,
  metadataSource,
  send,
  serviceRootOf,
  V2_ACCEPT,
  v2Dialect,
  type EdmModel,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type Plan,
  type PlanContext
} from '../../../src/sdk';
import type { ConnectionParams } from '../params';

/** What every V2 request of one invocation is built from: the model, the service root, the wire format. */
export interface V2Service {
  readonly model: EdmModel;
  /** The service root with exactly one trailing slash, without its query (the transport adds that). */
  readonly root: string;
  readonly format: 'json' | 'atom';
  /** methodTunneling: PUT/MERGE/PATCH/DELETE go out as POST with X-HTTP-Method. */
  readonly tunnel: boolean;
  readonly now: () => Date;
}

/** `$metadata` as the operations' model, loaded and cached by the runtime. */
export const v2Model = metadataSource(v2Dialect);

/** The service an operation's plan talks to. */
export function v2Service({ params, model, now }: PlanContext<ConnectionParams, EdmModel>): V2Service {
  return { model, root: serviceRootOf(params.serviceUrl), format: params.format, tunnel: params.methodTunneling, now };
}

/** Builds a request to a path below the service root (or to an absolute URL, a next link). */
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

/** PUT/MERGE/PATCH/DELETE as POST with X-HTTP-Method, for services (or proxies) that take only GET and POST. */
export function tunnelled(request: HttpRequest): HttpRequest {
  if (!['PUT', 'MERGE', 'PATCH', 'DELETE'].includes(request.method)) return request;
  // A bodiless POST would get the HTTP client's default form content type, which servers (CAP) refuse with 405.
  const bodiless =
    request.body === undefined && !Object.keys(request.headers ?? {}).some(h => h.toLowerCase() === 'content-type');
  return {
    ...request,
    method: 'POST',
    headers: {
      ...request.headers,
      'x-http-method': request.method,
      ...(bodiless ? { 'content-type': 'application/json' } : {})
    }
  };
}

/** Sends a request (tunnelled when the service asks for it); the answer whatever its status. */
export function exchange(service: V2Service, request: HttpRequest): Plan<HttpResponse> {
  return send(service.tunnel ? tunnelled(request) : request);
}

/** Sends and throws HTTP_STATUS (with the service's message and a hint for 412/428) unless 2xx. */
export function* sendChecked(service: V2Service, request: HttpRequest): Plan<HttpResponse> {
  const response = yield* exchange(service, request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return response;
}
