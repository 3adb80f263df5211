import {
  ConnectorError,
  httpStatusError,
  isSuccess,
  parseMetadata,
  type EdmModel,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse
} from '../../../src/sdk';
import { send, type ModelSource, type Plan, type PlanContext } from '../core-bridge';
import type { ConnectionParams } from '../params';

/** Content types of the two wire formats. */
export const ACCEPT = { json: 'application/json', atom: 'application/atom+xml,application/xml;q=0.9' } as const;
export const ENTRY_CONTENT_TYPE = { json: 'application/json', atom: 'application/atom+xml;type=entry' } as const;

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

/** The service root with exactly one trailing slash. */
export function serviceRootOf(serviceUrl: string): string {
  return `${serviceUrl.replace(/[?#].*$/, '').replace(/\/+$/, '')}/`;
}

/** The service an operation's plan talks to. */
export function v2Service(ctx: PlanContext<ConnectionParams, EdmModel>): V2Service {
  const { params } = ctx;
  return {
    model: ctx.model,
    root: serviceRootOf(params.serviceUrl),
    format: params.format,
    tunnel: params.methodTunneling,
    now: ctx.now
  };
}

/**
 * `$metadata` as the operations' model: keyed by the service URL with its query (another sap-client is
 * another system), never its credentials. MODEL_MISMATCH when it is not an OData V2 service.
 */
export const v2Model: ModelSource<ConnectionParams, EdmModel> = {
  key: params => params.serviceUrl.replace(/#.*$/, '').replace(/^(\w+:\/\/)[^/?#@]*@/, '$1'),
  *load(params) {
    const root = serviceRootOf(params.serviceUrl);
    const request: HttpRequest = { method: 'GET', url: `${root}$metadata`, headers: { accept: 'application/xml' } };
    const response = yield* send(request);
    if (!isSuccess(response.status)) throw httpStatusError(request, response);
    const model = parseMetadata(response.body);
    if (model.version !== '2.0') {
      throw new ConnectorError('MODEL_MISMATCH', `${root} is an OData V4 service; use the odata-v4 connector`, {
        url: `${root}$metadata`
      });
    }
    return model;
  }
};

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
    headers: {
      accept: ACCEPT[service.format],
      dataserviceversion: '2.0',
      maxdataserviceversion: '2.0',
      ...extra
    },
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
