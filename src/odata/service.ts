import { send, type Plan } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import type { HttpRequest, HttpResponse } from '../transport/transport';
import type { ODataDialect } from './dialect';
import { isLosslessObject, parseLosslessJson, type LosslessObject } from './lossless-json';
import { httpStatusError, isSuccess } from './odata-error';

/**
 * The service root with exactly one trailing slash and no query, so relative paths and next links resolve
 * against it (the service URL's query, SAP's `sap-client`, is added to every request by the transport).
 */
export function serviceRootOf(serviceUrl: string): string {
  return serviceUrl.replace(/[?#].*$/, '').replace(/\/*$/, '/');
}

/**
 * Sends a request and returns the answer; a non-success answer becomes HTTP_STATUS with the service's OData
 * error code and message: `const response = yield* sendChecked(request)`.
 */
export function* sendChecked(request: HttpRequest): Plan<HttpResponse> {
  const response = yield* send(request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return response;
}

/** A GET of JSON in the dialect's format. */
export function jsonGet(url: string, dialect: ODataDialect): HttpRequest {
  return { method: 'GET', url, headers: { ...dialect.jsonHeaders } };
}

/** Decodes a JSON object body (numbers kept as sent); RESPONSE_INVALID naming the request when it is not one. */
export function decodeJsonObject(request: HttpRequest, response: HttpResponse): LosslessObject {
  let parsed;
  try {
    parsed = parseLosslessJson(response.body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `${request.method} ${request.url} answered ${response.status} with a body that is not OData JSON (${why})`,
      { httpStatus: response.status, method: request.method, url: request.url }
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

/** GETs a JSON object, checked. */
export function* getJson(url: string, dialect: ODataDialect): Plan<LosslessObject> {
  const request = jsonGet(url, dialect);
  return decodeJsonObject(request, yield* sendChecked(request));
}

/**
 * GETs one entity or singleton, checked: a 204 No Content (OData's answer for a null singleton or a to-one
 * navigation without a target) is an empty object rather than an undecodable body.
 */
export function* getEntity(url: string, dialect: ODataDialect): Plan<LosslessObject> {
  const request = jsonGet(url, dialect);
  const response = yield* sendChecked(request);
  return response.status === 204 ? {} : dialect.singleOf(decodeJsonObject(request, response));
}

/** Appends an encoded query to a URL (after its own query, if it has one); the URL as it is for none. */
export function withQuery(url: string, query: string): string {
  return query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`;
}
