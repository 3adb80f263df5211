import { ConnectorError } from '../errors/connector-error';
import type { EdmPrimitiveType } from './edm';

/** A dialect's own URI literal forms, for the types whose form differs between the versions (given trimmed text). */
export type UriLiteralForms = Readonly<Partial<Record<EdmPrimitiveType, (text: string) => string>>>;

/** A value as a URI literal, not percent-encoded: the dialect's own form, else the shared one. */
export function formatUriLiteral(type: EdmPrimitiveType, text: string, own: UriLiteralForms): string {
  const form = own[type];
  if (form !== undefined) return form(text.trim());
  switch (type) {
    case 'Edm.String':
      return `'${text.replace(/'/g, "''")}'`;
    case 'Edm.Boolean':
      return /^(true|1)$/i.test(text.trim()) ? 'true' : 'false';
    case 'Edm.Duration':
      return `duration'${text.trim()}'`;
    case 'Edm.Stream':
      throw new ConnectorError('VALUE_INVALID', 'An Edm.Stream value cannot appear in a URL');
    default:
      return text.trim();
  }
}

/** Percent-encodes a literal for use inside a path segment, keeping the characters OData literals use. */
export function encodePathLiteral(literal: string): string {
  return encodeURIComponent(literal).replace(/%(3A|2C|3D)/g, m => decodeURIComponent(m));
}
