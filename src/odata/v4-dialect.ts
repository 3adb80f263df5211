import { ConnectorError } from '../errors/connector-error';
import type { CollectionBody, ODataDialect } from './dialect';
import { isJsonInteger, standardBase64, validateEdmValue, type EdmPrimitiveType } from './edm';
import { isLosslessObject, JsonNumber, stringifyJson, type JsonOut, type LosslessObject } from './lossless-json';
import { formatUriLiteral, type UriLiteralForms } from './uri-literal';

/** V4 literals: GUIDs, offsets and numbers bare (the shared form), binary as binary'…' (base64url). */
const V4_LITERALS: UriLiteralForms = { 'Edm.Binary': text => `binary'${base64url(text)}'` };

/** OData V4 JSON: `value`, `@odata.nextLink`, `@odata.etag`, PATCH; IEEE754Compatible keeps Int64/Decimal exact. */
export const v4Dialect: ODataDialect = {
  version: '4.0',
  jsonHeaders: { accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' },
  jsonContentType: 'application/json;IEEE754Compatible=true',
  partialUpdateMethod: 'PATCH',
  nextLinkName: '@odata.nextLink',
  collectionOf(body: LosslessObject): CollectionBody | undefined {
    const { value, '@odata.nextLink': next, ...annotations } = body;
    if (!Array.isArray(value)) return undefined;
    return { items: value, ...(typeof next === 'string' ? { next } : {}), annotations };
  },
  singleOf: body => body,
  etagOf(entity) {
    const etag = entity['@odata.etag'];
    return typeof etag === 'string' ? etag : undefined;
  },
  resolveNextLink(next, { url, page }) {
    // Absolute links are used as sent; relative ones resolve against the context URL's base.
    if (/^https?:\/\//i.test(next)) return next;
    const context = page?.['@odata.context'];
    const base = typeof context === 'string' ? new URL(context.replace(/#.*$/, ''), url).href : url;
    return new URL(next, base).href;
  },
  uriLiteral: (type, text) => formatUriLiteral(type, text, V4_LITERALS),
  toJsonValue: toV4JsonValue,
  fromJsonValue(type, value) {
    if (value === null) return null;
    if (isLosslessObject(value) || Array.isArray(value)) return stringifyJson(value);
    const text = String(value);
    return type === 'Edm.Binary' && typeof value === 'string' ? standardBase64(text) : text;
  }
};

// IEEE754Compatible: Int64 and Decimal as strings; other numbers as the text given (never re-printed through a double).
const V4_JSON: Partial<Record<EdmPrimitiveType, (trimmed: string, text: string) => JsonOut>> = {
  'Edm.Int64': t => BigInt(t).toString(),
  'Edm.Decimal': t => t.replace(/^\+/, ''),
  'Edm.Double': jsonFloat,
  'Edm.Single': jsonFloat,
  'Edm.Boolean': t => /^(true|1)$/i.test(t),
  'Edm.Binary': base64url,
  'Edm.String': (_, text) => text
};

function toV4JsonValue(type: EdmPrimitiveType, text: string, target: string): JsonOut {
  if (type === 'Edm.Stream')
    throw new ConnectorError(
      'VALUE_INVALID',
      `${target}: Edm.Stream values are sent with the media operations (CreateMediaEntity, UpdateMediaEntity)`,
      { target }
    );
  validateEdmValue(type, text, target);
  const t = text.trim();
  if (isJsonInteger(type)) return new JsonNumber(BigInt(t).toString());
  return V4_JSON[type]?.(t, text) ?? t;
}

function jsonFloat(t: string): JsonOut {
  if (/^(NaN|-?INF|-?Infinity)$/.test(t)) return t.replace('Infinity', 'INF');
  return new JsonNumber(
    t
      .replace(/^\+/, '')
      .replace(/^(-?)\./, '$10.')
      .replace(/\.(?=$|[eE])/, '.0')
  );
}

function base64url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_');
}
