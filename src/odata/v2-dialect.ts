import { ConnectorError } from '../errors/connector-error';
import { sanitizeUrl } from '../transport/redact';
import type { CollectionBody, ODataDialect } from './dialect';
import { isLosslessObject, JsonNumber, stringifyJson, type LosslessObject } from './lossless-json';
import { formatUriLiteral, type UriLiteralForms } from './uri-literal';
import { fromV2JsonValue, normalizeV2Value, toDuration, toV2JsonValue } from './v2-values';

/** V2 literals: type suffixes (64L, 12.5M, 1.0D, 1.0F) and prefixed forms (guid'…', datetime'…', X'…'). */
const V2_LITERALS: UriLiteralForms = {
  'Edm.DateTime': text => `datetime'${text.replace(/Z$/i, '')}'`,
  'Edm.Time': text => `time'${toDuration(text)}'`,
  'Edm.Int64': text => `${text}L`,
  'Edm.Decimal': text => `${text}M`,
  'Edm.Double': text => `${text}D`,
  'Edm.Single': text => `${text}F`,
  'Edm.Guid': text => `guid'${text}'`,
  'Edm.DateTimeOffset': text => `datetimeoffset'${text}'`,
  'Edm.Binary': text => `X'${Buffer.from(text, 'base64').toString('hex').toUpperCase()}'`
};

export const V2_ACCEPT = { json: 'application/json', atom: 'application/atom+xml,application/xml;q=0.9' } as const;
export const V2_ENTRY_CONTENT_TYPE = { json: 'application/json', atom: 'application/atom+xml;type=entry' } as const;

/** OData V2 JSON verbose: `d` (`d.results`, or V1's `d: […]`), `__next`, `__metadata.etag`, MERGE. */
export const v2Dialect: ODataDialect = {
  version: '2.0',
  jsonHeaders: { accept: V2_ACCEPT.json, dataserviceversion: '2.0', maxdataserviceversion: '2.0' },
  jsonContentType: V2_ENTRY_CONTENT_TYPE.json,
  partialUpdateMethod: 'MERGE',
  nextLinkName: '__next',
  collectionOf(body: LosslessObject): CollectionBody | undefined {
    const d = body['d'];
    if (Array.isArray(d)) return { items: d, annotations: {} };
    if (!isLosslessObject(d)) return undefined;
    const { results, __next: next, ...annotations } = d;
    if (!Array.isArray(results)) return undefined;
    return { items: results, ...(typeof next === 'string' ? { next } : {}), annotations };
  },
  singleOf(body) {
    const d = body['d'];
    if (!isLosslessObject(d)) return {};
    // Some servers wrap a single entity as a collection would: `{d:{results:{…}}}`.
    const results = d['results'];
    return isLosslessObject(results) && !('__metadata' in d) ? results : d;
  },
  etagOf(entity) {
    const metadata = entity['__metadata'];
    const etag = isLosslessObject(metadata) ? metadata['etag'] : undefined;
    return typeof etag === 'string' ? etag : undefined;
  },
  resolveNextLink(next, { serviceRoot }) {
    // Servers behind a proxy often answer with their internal host: a link below the service path is moved onto
    // the configured service URL; one elsewhere on another host is refused, as the credentials would go with it.
    const root = new URL(serviceRoot);
    const link = new URL(next, serviceRoot);
    if (link.origin === root.origin) return link.toString();
    if (link.pathname.startsWith(root.pathname)) return `${root.origin}${link.pathname}${link.search}`;
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `The service's next link ${sanitizeUrl(link.toString())} points to another host than ${root.origin} and outside the service path ${root.pathname}; it is not followed, so the credentials do not go there`,
      { url: sanitizeUrl(link.toString()) }
    );
  },
  uriLiteral: (type, text) => formatUriLiteral(type, text, V2_LITERALS),
  toJsonValue: (type, text, target) => toV2JsonValue(type, normalizeV2Value(type, text, target)),
  fromJsonValue: (type, value) =>
    isLosslessObject(value) || Array.isArray(value)
      ? stringifyJson(value)
      : fromV2JsonValue(type, value instanceof JsonNumber ? value.raw : value)
};
