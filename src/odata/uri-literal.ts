import { ConnectorError } from '../errors/connector-error';
import type { EdmPrimitiveType } from './edm';

/** A dialect's own URI literal forms, for the types whose form differs between the versions (given trimmed text). */
export type UriLiteralForms = Readonly<Partial<Record<EdmPrimitiveType, (text: string) => string>>>;

/**
 * Formats a value as a URI literal (keys, function parameters, filters), not yet percent-encoded: the dialect's
 * own form when it has one, else the form both versions share (strings '…' with '' escaping, datetime'…',
 * time'PT…', duration'…', numbers, dates and times bare).
 */
export function formatUriLiteral(type: EdmPrimitiveType, text: string, own: UriLiteralForms): string {
  const form = own[type];
  if (form !== undefined) return form(text.trim());
  switch (type) {
    case 'Edm.String':
      return `'${text.replace(/'/g, "''")}'`;
    case 'Edm.Boolean':
      return /^(true|1)$/i.test(text.trim()) ? 'true' : 'false';
    case 'Edm.DateTime':
      return `datetime'${text.trim().replace(/Z$/i, '')}'`;
    case 'Edm.Time':
      return `time'${toIsoDuration(text.trim())}'`;
    case 'Edm.Duration':
      return `duration'${text.trim()}'`;
    case 'Edm.Stream':
      throw new ConnectorError('VALUE_INVALID', 'An Edm.Stream value cannot appear in a URL');
    default:
      return text.trim();
  }
}

/** `22:22:22.123` → `PT22H22M22.123S` (V2 Edm.Time); ISO durations pass through. */
function toIsoDuration(time: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(time);
  if (m === null) return time;
  return `PT${Number(m[1])}H${Number(m[2])}M${m[3] === undefined ? '0' : m[3].replace(/^0(\d)/, '$1')}S`;
}

/** Percent-encodes a literal for use inside a path segment, keeping the characters OData literals use. */
export function encodePathLiteral(literal: string): string {
  return encodeURIComponent(literal).replace(/%(3A|2C|3D)/g, m => decodeURIComponent(m));
}
