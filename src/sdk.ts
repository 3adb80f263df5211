// Everything an adapter author needs, and nothing the ESB side needs. Adapters import only this file.
export type {
  ConnectionContext,
  Connector,
  InvocationConnection,
  Logger,
  ModelSource,
  Operation,
  Outcome,
  PlanContext,
  PlannedOperationDefinition,
  RuntimeCache,
  Status,
  Written
} from './connector/connector';
export { definePlannedOperation, operationsOf } from './connector/connector';
export type { EmitStep, Plan, PlanStep, SendStep } from './connector/plan';
export { done, emit, send } from './connector/plan';
export {
  connectionMiddleware,
  httpAuthOf,
  httpAuthParams,
  httpConnectionParams,
  prepareHttpTransport,
  timeoutMiddleware
} from './connector/http-connection';
export type { ParamSpec, ParamSpecs, ParamsOf, ParamValue, ParamValueOf, ResolvedParams } from './connector/param-spec';
export { resolveParams } from './connector/param-spec';
export { parseXml, parseXmlResponse } from './envelope/parse-xml';
export { setOwn } from './json/own-property';
export { isNestedTooDeep, MAX_JSON_DEPTH } from './json/json-depth';
export type { XmlElement } from './envelope/xml-element';
export {
  attrOf,
  childOf,
  childrenOf,
  isNil,
  refuseStrayText,
  refuseUnknownAttributes,
  refuseValueTwice,
  requireAttr,
  trimmedText
} from './envelope/xml-element';
export type { ErrorCode, ErrorDetails } from './errors/connector-error';
export { ConnectorError, envelopeError, errorCodes, isConnectorError } from './errors/connector-error';
export type { EdmPrimitiveType } from './odata/edm';
export {
  isEdmPrimitive,
  normalizeEdmType,
  shortTypeName,
  validateEdmFacets,
  validateEdmValue,
  x4TypeOfEdm
} from './odata/edm';
export type {
  EdmModel,
  EdmNavigationProperty,
  EdmOperation,
  EdmParameter,
  EdmProperty,
  EdmStructuredType
} from './odata/metadata';
export {
  entityTypeOfSet,
  entityTypeOfSingleton,
  findNavigation,
  findProperty,
  itemTypeOf,
  keysOf,
  memberTypeOf,
  parseMetadata,
  structuredTypeOf
} from './odata/metadata';
export type { ServiceError } from './odata/odata-error';
export { httpStatusError, isSuccess, parseODataError } from './odata/odata-error';
export { encodePathLiteral } from './odata/uri-literal';
// The OData engine: one dialect per wire version, and the service, model, paging and ETag steps they share.
export type { CollectionBody, NextLinkSource, ODataDialect } from './odata/dialect';
export { v2Dialect, V2_ACCEPT, V2_ENTRY_CONTENT_TYPE } from './odata/v2-dialect';
export { v4Dialect } from './odata/v4-dialect';
export type { KeyPart, KeyValue } from './odata/key-predicate';
export { buildKeyPredicate, formatKeyPredicate, parseEntityId } from './odata/key-predicate';
export type { JsonOut, LosslessJson, LosslessObject } from './odata/lossless-json';
export { isLosslessObject, JsonNumber, parseLosslessJson, stringifyJson } from './odata/lossless-json';
export { decodeJsonObject, getEntity, getJson, jsonGet, sendChecked, serviceRootOf, withQuery } from './odata/service';
export { metadataSource } from './odata/service';
export { prepareODataTransport } from './odata/odata-transport';
export { odataRetryParams } from './odata/odata-retry';
export type { SystemQueryOptions } from './odata/query-options';
export { buildQueryOptions, encodeQueryValue } from './odata/query-options';
export type { PageLink } from './odata/paging';
export { checkResumeLink, followPages, readJsonCollection } from './odata/paging';
export { currentEtag, etagOfEntity, ifMatch } from './odata/service';
export type { EntityOutcome, EntityProperty } from './output/entity-response-xml';
export { writeEntityResponse } from './output/entity-response-xml';
export { writeError } from './output/error-xml';
export type { X4Node, X4ValueType } from './output/x4-node';
export { jsonToX4, writeX4Node, x4Value } from './output/x4-node';
export type { XmlAttributes } from './output/xml-writer';
export { escapeAttribute, escapeText, XmlWriter } from './output/xml-writer';
export type { HttpAuth, TransportMiddleware } from './transport/middleware';
export { authMiddleware, composeTransport } from './transport/middleware';
export { redactHeaders, redactSecrets, sanitizeUrl } from './transport/redact';
export type { RetryHooks, RetryNotice } from './transport/retry-middleware';
export type { HttpConnection, HttpMethod, HttpRequest, HttpResponse, Transport } from './transport/transport';
export { headerOf } from './transport/transport';
export { fromV2AtomValue, fromV2JsonValue, normalizeV2Value, toV2AtomValue, toV2JsonValue } from './odata/v2-values';
export type {
  BatchRequestItem,
  BatchRequestPart,
  BatchResponseItem,
  BatchResponsePart
} from './odata/batch/multipart-batch';
export { buildBatchBodies, parseBatchResponse } from './odata/batch/multipart-batch';
// REST connectors (hdp, mrs, dataworks): a connection and operations declared as data over the same pipeline.
export type { FieldShape, Json, ObjectShape } from './rest/json-shape';
export type { RestAuth, RestConnection, RestRetry } from './rest/rest-connection';
export { restConnectionParams, restTransport } from './rest/rest-connection';
export type { DecodeContext, EnvelopeJson, RestOperationSpec, RestResultSpec } from './rest/rest-operation';
export { restOperationsOf } from './rest/rest-operation';
export type { RestPaging } from './rest/rest-paging';
export type { RequestParts } from './rest/rest-request';
export type { RestResult } from './rest/rest-result';
export { entityFailed, entityOk, objectResult, property } from './rest/rest-result';
export { throttledHint } from './rest/throttled-hint';
export type { NotIdempotent } from './rest/unknown-outcome';
export type { ManagementServiceError } from './rest/service-failure';
export { serviceFailure } from './rest/service-failure';
