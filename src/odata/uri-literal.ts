import { ConnectorError } from '../errors/connector-error';
import type { EdmPrimitiveType } from './edm';

/** OData protocol version, where literal syntax differs. */
export type ODataVersion = 'v2' | 'v4';

/**
 * Formats a value as a URI literal (for keys, function parameters and filters), not yet percent-encoded.
 * V4: strings '…' with '' escaping, GUIDs and dates bare, binary as binary'…'.
 * V2: datetime'…', datetimeoffset'…', guid'…', time'PT…', 12.5M, 64L, 1.0D, 1.0F, X'…'.
 */
export function formatUriLiteral(type: EdmPrimitiveType, text: string, version: ODataVersion): string {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  switch (type) {
    case 'Edm.String':
      return quoted;
    case 'Edm.Boolean':
      return /^(true|1)$/i.test(text.trim()) ? 'true' : 'false';
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
      return text.trim();
    case 'Edm.Int64':
      return version === 'v2' ? `${text.trim()}L` : text.trim();
    case 'Edm.Decimal':
      return version === 'v2' ? `${text.trim()}M` : text.trim();
    case 'Edm.Double':
      return version === 'v2' ? `${text.trim()}D` : text.trim();
    case 'Edm.Single':
      return version === 'v2' ? `${text.trim()}F` : text.trim();
    case 'Edm.Guid':
      return version === 'v2' ? `guid'${text.trim()}'` : text.trim();
    case 'Edm.DateTime':
      return `datetime'${text.trim().replace(/Z$/i, '')}'`;
    case 'Edm.DateTimeOffset':
      return version === 'v2' ? `datetimeoffset'${text.trim()}'` : text.trim();
    case 'Edm.Time':
      return `time'${toIsoDuration(text.trim())}'`;
    case 'Edm.Duration':
      return `duration'${text.trim()}'`;
    case 'Edm.Date':
    case 'Edm.TimeOfDay':
      return text.trim();
    case 'Edm.Binary':
      return version === 'v2'
        ? `X'${Buffer.from(text.trim(), 'base64').toString('hex').toUpperCase()}'`
        : `binary'${text.trim().replace(/\+/g, '-').replace(/\//g, '_')}'`;
    case 'Edm.Stream':
      throw new ConnectorError('VALUE_INVALID', 'An Edm.Stream value cannot appear in a URL');
  }
}

/** `22:22:22.123` → `PT22H22M22.123S` (V2 Edm.Time); ISO durations pass through. */
export function toIsoDuration(time: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(time);
  if (m === null) return time;
  return `PT${Number(m[1])}H${Number(m[2])}M${m[3] === undefined ? '0' : m[3].replace(/^0(\d)/, '$1')}S`;
}

/** A key property and its value, in key order. */
export interface KeyValue {
  readonly name: string;
  readonly type: EdmPrimitiveType;
  readonly value: string;
}

/** Builds a key predicate: `(1)`, `('a''b')`, or `(A=1,B='x')` for composite keys; percent-encoded for a path segment. */
export function formatKeyPredicate(keys: readonly KeyValue[], version: ODataVersion): string {
  if (keys.length === 0) throw new ConnectorError('VALUE_INVALID', 'A key predicate needs at least one key value');
  const literal = (k: KeyValue): string => encodePathLiteral(formatUriLiteral(k.type, k.value, version));
  const [single] = keys;
  if (keys.length === 1 && single !== undefined) return `(${literal(single)})`;
  return `(${keys.map(k => `${k.name}=${literal(k)}`).join(',')})`;
}

/** Percent-encodes a literal for use inside a path segment, keeping the characters OData literals use. */
export function encodePathLiteral(literal: string): string {
  return encodeURIComponent(literal)
    .replace(/%27/g, "'")
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%3D/gi, '=');
}
