import {
  ConnectorError,
  httpStatusError,
  isSuccess,
  parseMetadata,
  serviceIdentity,
  type EdmModel,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type OperationContext
} from '../../../src/sdk';
import { formatOf, serviceRootOf } from './params';

/** Content types of the two wire formats. */
export const ACCEPT = { json: 'application/json', atom: 'application/atom+xml,application/xml;q=0.9' } as const;
export const ENTRY_CONTENT_TYPE = { json: 'application/json', atom: 'application/atom+xml;type=entry' } as const;

/** Headers every V2 request carries. */
export function baseHeaders(ctx: OperationContext): Record<string, string> {
  return { accept: ACCEPT[formatOf(ctx.params)], dataserviceversion: '2.0', maxdataserviceversion: '2.0' };
}

/**
 * Reads `$metadata` once per service (URL with its sap-client, and user) and runtime (ctx.cache) and parses it.
 * Throws HTTP_STATUS when the service refuses, MODEL_MISMATCH when it is not an OData V2 service.
 */
export function loadModel(ctx: OperationContext): Promise<EdmModel> {
  const root = serviceRootOf(ctx.params);
  return ctx.cache.memo(
    `odata-v2:$metadata:${serviceIdentity(String(ctx.params['serviceUrl']), ctx.identity)}`,
    async () => {
      const request: HttpRequest = { method: 'GET', url: `${root}$metadata`, headers: { accept: 'application/xml' } };
      const response = await ctx.transport.send(request);
      if (!isSuccess(response.status)) throw httpStatusError(request, response);
      const model = parseMetadata(response.body);
      if (model.version !== '2.0') {
        throw new ConnectorError('MODEL_MISMATCH', `${root} is an OData V4 service; use the odata-v4 connector`, {
          url: `${root}$metadata`
        });
      }
      return model;
    }
  );
}

/**
 * Sends a request, tunnelling PUT/MERGE/PATCH/DELETE through POST + X-HTTP-Method when the
 * `methodTunneling` parameter asks for it.
 */
export function sendRequest(ctx: OperationContext, request: HttpRequest): Promise<HttpResponse> {
  const tunnel = ctx.params['methodTunneling'] === true && ['PUT', 'MERGE', 'PATCH', 'DELETE'].includes(request.method);
  // A bodiless POST would get the HTTP client's default form content type, which servers (CAP) refuse with 405.
  const bodiless =
    request.body === undefined && !Object.keys(request.headers ?? {}).some(h => h.toLowerCase() === 'content-type');
  const sent: HttpRequest = tunnel
    ? {
        ...request,
        method: 'POST',
        headers: {
          ...request.headers,
          'x-http-method': request.method,
          ...(bodiless ? { 'content-type': 'application/json' } : {})
        }
      }
    : request;
  ctx.log('debug', `${sent.method} ${sent.url}`);
  return ctx.transport.send(sent);
}

/** Sends and throws HTTP_STATUS (with the service's message and a hint for 412/428) unless 2xx. */
export async function sendExpectingSuccess(ctx: OperationContext, request: HttpRequest): Promise<HttpResponse> {
  const response = await sendRequest(ctx, request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return response;
}

/** Builds a request to a path below the service root. */
export function serviceRequest(
  ctx: OperationContext,
  method: HttpMethod,
  pathAndQuery: string,
  extra: Record<string, string> = {},
  body?: string
): HttpRequest {
  return {
    method,
    url: /^https?:\/\//i.test(pathAndQuery) ? pathAndQuery : `${serviceRootOf(ctx.params)}${pathAndQuery}`,
    headers: { ...baseHeaders(ctx), ...extra },
    ...(body === undefined ? {} : { body })
  };
}
