import {
  ConnectorError,
  httpStatusError,
  isSuccess,
  type HttpRequest,
  type HttpResponse,
  type OperationContext
} from '../../../src/sdk';
import { isLosslessObject, parseLosslessJson, type LosslessObject } from '../../../src/sdk';

/** Minimal metadata, and Int64/Decimal as strings so they come through exactly. */
export const JSON_ACCEPT = 'application/json;odata.metadata=minimal;IEEE754Compatible=true';
/** Request bodies carry Int64/Decimal as strings too. */
export const JSON_CONTENT_TYPE = 'application/json;IEEE754Compatible=true';

/** The service root with exactly one trailing slash, so relative paths and nextLinks resolve against it. */
export function serviceRootOf(serviceUrl: string): string {
  return serviceUrl.replace(/[?#].*$/, '').replace(/\/*$/, '/');
}

/** Builds a GET request for JSON. */
export function jsonGet(url: string): HttpRequest {
  return { method: 'GET', url, headers: { accept: JSON_ACCEPT } };
}

/** Sends a request; a non-2xx answer becomes HTTP_STATUS with the service's OData error code and message. */
export async function sendChecked(ctx: OperationContext, request: HttpRequest): Promise<HttpResponse> {
  const response = await ctx.transport.send(request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return response;
}

/** Decodes a JSON object body (numbers lossless); RESPONSE_INVALID naming the request when it is not one. */
export function decodeJsonObject(request: HttpRequest, response: HttpResponse): LosslessObject {
  let parsed;
  try {
    parsed = parseLosslessJson(response.body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `${request.method} ${request.url} answered ${response.status} with a body that is not OData JSON (${why})`,
      {
        httpStatus: response.status,
        method: request.method,
        url: request.url
      }
    );
  }
  if (!isLosslessObject(parsed)) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `${request.method} ${request.url} answered with JSON that is not an object`,
      { method: request.method, url: request.url }
    );
  }
  return parsed;
}

/** GETs a JSON object. */
export async function getJsonObject(ctx: OperationContext, url: string): Promise<LosslessObject> {
  const request = jsonGet(url);
  return decodeJsonObject(request, await sendChecked(ctx, request));
}

/**
 * GET of a single entity or singleton: a 204 No Content (OData's answer for a null singleton, e.g. after
 * DeleteSingleton) is an empty object rather than an undecodable body.
 */
export async function getSingleJsonObject(ctx: OperationContext, url: string): Promise<LosslessObject> {
  const request = jsonGet(url);
  const response = await sendChecked(ctx, request);
  if (response.status === 204) return {};
  return decodeJsonObject(request, response);
}
