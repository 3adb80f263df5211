// The service as plans see it: its root, checked sends, JSON reads, ETags and its `$metadata` model.
import type { ModelSource } from '../connector/connector';
import { send, type Plan } from '../connector/plan';
import { ConnectorError } from '../errors/connector-error';
import { headerOf, type HttpRequest, type HttpResponse } from '../transport/transport';
import type { ODataDialect } from './dialect';
import { isLosslessObject, parseLosslessJson, type LosslessObject } from './lossless-json';
import { parseMetadata, type EdmModel } from './metadata';
import { httpStatusError, isSuccess } from './odata-error';

/** The service root with one trailing slash and no query (the transport adds `sap-client` to every request). */
export function serviceRootOf(serviceUrl: string): string {
  return serviceUrl.replace(/[?#].*$/, '').replace(/\/*$/, '/');
}

/** Sends a request; a non-success answer becomes HTTP_STATUS with the service's OData error code and message. */
export function* sendChecked(request: HttpRequest): Plan<HttpResponse> {
  const response = yield* send(request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return response;
}

export function jsonGet(url: string, dialect: ODataDialect): HttpRequest {
  return { method: 'GET', url, headers: { ...dialect.jsonHeaders } };
}

/** Decodes a JSON object body (numbers kept as sent); RESPONSE_INVALID naming the request when it is not one. */
export function decodeJsonObject(request: HttpRequest, response: HttpResponse): LosslessObject {
  const { method, url } = request;
  let parsed;
  try {
    parsed = parseLosslessJson(response.body);
  } catch (error) {
    const why = `answered ${response.status} with a body that is not OData JSON (${(error as Error).message})`;
    throw new ConnectorError('RESPONSE_INVALID', `${method} ${url} ${why}`, {
      httpStatus: response.status,
      method,
      url
    });
  }
  if (isLosslessObject(parsed)) return parsed;
  const why = 'answered with JSON that is not an object';
  throw new ConnectorError('RESPONSE_INVALID', `${method} ${url} ${why}`, { method, url });
}

export function* getJson(url: string, dialect: ODataDialect): Plan<LosslessObject> {
  const request = jsonGet(url, dialect);
  return decodeJsonObject(request, yield* sendChecked(request));
}

/** GETs one entity or singleton, checked; 204 (a null singleton, a to-one navigation without target) is `{}`. */
export function* getEntity(url: string, dialect: ODataDialect): Plan<LosslessObject> {
  const request = jsonGet(url, dialect);
  const response = yield* sendChecked(request);
  return response.status === 204 ? {} : dialect.singleOf(decodeJsonObject(request, response));
}

/** Appends an encoded query to a URL (after its own query, if it has one); the URL as it is for none. */
export function withQuery(url: string, query: string): string {
  return query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** The If-Match header for an ETag (a value, or `*` to overwrite any version); none without one. */
export function ifMatch(etag: string | undefined): Record<string, string> {
  return etag === undefined ? {} : { 'if-match': etag };
}

/** An entity's ETag: the one in its body, else the response's ETag header. */
export function etagOfEntity(
  dialect: ODataDialect,
  entity: LosslessObject | undefined,
  response: Pick<HttpResponse, 'headers'>
): string | undefined {
  return (entity === undefined ? undefined : dialect.etagOf(entity)) ?? headerOf(response, 'etag');
}

/** etag=auto: reads the entity's current ETag in a step of its own (so a dry run shows it); `*` when it has none. */
export function* currentEtag(url: string, dialect: ODataDialect): Plan<string> {
  const request = jsonGet(url, dialect);
  const response = yield* sendChecked(request);
  return etagOfEntity(dialect, dialect.singleOf(decodeJsonObject(request, response)), response) ?? '*';
}

/** The service's `$metadata` model (cached by the runtime per key and credential); the other version is MODEL_MISMATCH. */
export function metadataSource(dialect: ODataDialect): ModelSource<{ readonly serviceUrl: string }, EdmModel> {
  return {
    // Another sap-client is another system's data and model, so the query counts; a password in the URL does not.
    key: ({ serviceUrl }) => serviceUrl.replace(/#.*$/, '').replace(/^(\w+:\/\/)[^/?#@]*@/, '$1'),
    *load({ serviceUrl }): Plan<EdmModel> {
      const root = serviceRootOf(serviceUrl);
      const request = { method: 'GET', url: `${root}$metadata`, headers: { accept: 'application/xml' } } as const;
      const response = yield* sendChecked(request);
      const model = parseMetadata(response.body.replace(/^\uFEFF/, ''));
      if (model.version === dialect.version) return model;
      const kind =
        model.version === '2.0' ? 'an OData 2.0 service; use the odata-v2' : 'an OData V4 service; use the odata-v4';
      throw new ConnectorError('MODEL_MISMATCH', `${root} is ${kind} connector`, { url: request.url });
    }
  };
}
