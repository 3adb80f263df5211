import { ConnectorError } from '../errors/connector-error';
import type { X4ValueType } from '../output/x4-node';
import type { EdmProperty } from './metadata';

/** The Edm primitive types both protocol versions use (V2-only: DateTime, Time; V4-only: Date, TimeOfDay, Duration). */
export const edmPrimitiveTypes = [
  'Edm.Binary',
  'Edm.Boolean',
  'Edm.Byte',
  'Edm.Date',
  'Edm.DateTime',
  'Edm.DateTimeOffset',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Duration',
  'Edm.Guid',
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.SByte',
  'Edm.Single',
  'Edm.Stream',
  'Edm.String',
  'Edm.Time',
  'Edm.TimeOfDay'
] as const;

export type EdmPrimitiveType = (typeof edmPrimitiveTypes)[number];

export function isEdmPrimitive(type: string): type is EdmPrimitiveType {
  return (edmPrimitiveTypes as readonly string[]).includes(type);
}

/** Accepts `Int32`, `int32`, `Edm.Int32` (the X4 envelope's short names) and returns the Edm name, or undefined. */
export function normalizeEdmType(type: string): EdmPrimitiveType | undefined {
  const bare = type.replace(/^Edm\./i, '').toLowerCase();
  return edmPrimitiveTypes.find(t => t.slice(4).toLowerCase() === bare);
}

const INTEGER_RANGES: Partial<Record<EdmPrimitiveType, readonly [bigint, bigint]>> = {
  'Edm.Byte': [0n, 255n],
  'Edm.SByte': [-128n, 127n],
  'Edm.Int16': [-32768n, 32767n],
  'Edm.Int32': [-2147483648n, 2147483647n],
  'Edm.Int64': [-9223372036854775808n, 9223372036854775807n]
};

const PATTERNS: Partial<Record<EdmPrimitiveType, RegExp>> = {
  'Edm.Boolean': /^(true|false|1|0)$/i,
  'Edm.Decimal': /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  'Edm.Double': /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|-?INF|-?Infinity)$/,
  'Edm.Single': /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|-?INF|-?Infinity)$/,
  'Edm.Guid': /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  'Edm.Date': /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'Edm.DateTimeOffset':
    /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i,
  'Edm.DateTime':
    /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/i,
  'Edm.TimeOfDay': /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?$/,
  'Edm.Time': /^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?|-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)$/,
  'Edm.Duration': /^-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  'Edm.Binary': /^[A-Za-z0-9+/_-]*={0,2}$/
};

/** Checks that a text fits an Edm primitive type (lexically, integers in range); VALUE_INVALID naming `target`. */
export function validateEdmValue(type: EdmPrimitiveType, text: string, target: string): void {
  const fail = (why: string): never => {
    throw new ConnectorError('VALUE_INVALID', `${target}: "${text}" is not a valid ${type}${why}`, { target });
  };
  const t = text.trim();
  const range = INTEGER_RANGES[type];
  if (range !== undefined) {
    if (!/^[+-]?\d+$/.test(t)) fail('');
    const n = BigInt(t);
    if (n < range[0] || n > range[1]) fail(` (range ${range[0]} to ${range[1]})`);
    return;
  }
  const pattern = PATTERNS[type];
  if (pattern !== undefined && !pattern.test(t)) fail('');
  if (type === 'Edm.Duration' && /^-?PT?$/.test(t)) fail('');
  // The patterns allow day 31 in every month: services roll 2023-02-29 over to 03-01, so check the calendar.
  if (type.startsWith('Edm.Date') && !isCalendarDate(t)) fail(' (no such day)'); // Date, DateTime, DateTimeOffset
  // Padded base64 (and base64url) is a multiple of 4 long; anything else is truncated or garbled.
  if (type === 'Edm.Binary' && t.length % 4 !== 0) fail(' (base64 length is not a multiple of 4)');
  if (type === 'Edm.Single' && /\d/.test(t) && Math.abs(Number(t)) > SINGLE_MAX) fail(` (range ±${SINGLE_MAX})`);
}

const SINGLE_MAX = 3.4028235e38;

/** Whether the leading YYYY-MM-DD of a lexically valid date text names a real day (proleptic Gregorian). */
function isCalendarDate(text: string): boolean {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Integers a JSON number holds exactly (Int64 travels as a string: V2 always, V4 with IEEE754Compatible). */
export function isJsonInteger(type: EdmPrimitiveType): boolean {
  return type !== 'Edm.Int64' && INTEGER_RANGES[type] !== undefined;
}

/** The X4 output type of an Edm primitive: numbers render as Number, Booleans as Boolean, the rest as String. */
export function x4TypeOfEdm(type: string): X4ValueType {
  if (type === 'Edm.Boolean') return 'Boolean';
  return /^Edm\.(S?Byte|Int(16|32|64)|Decimal|Double|Single)$/.test(type) ? 'Number' : 'String';
}

/** base64url (V4 JSON, some V2 servers) as the standard base64 the envelopes use. */
export function standardBase64(text: string): string {
  return text.replace(/-/g, '+').replace(/_/g, '/');
}

/** The short type name X4 shows: `Int32` for `Edm.Int32`; qualified names of structured types as they are. */
export function shortTypeName(typeName: string | undefined): string | undefined {
  return typeName?.replace(/^Edm\./, '');
}

/**
 * Checks a value against its property's facets before sending (Gateway answers 400, CAP a SQL error): MaxLength in
 * code points or bytes, Decimal Precision/Scale. Date-time precision is not checked: services cut extra digits.
 */
export function validateEdmFacets(
  property: Pick<EdmProperty, 'name' | 'type' | 'maxLength' | 'precision' | 'scale'>,
  text: string,
  target: string
): void {
  const what = `${target}: the value of ${property.name} (${property.type})`;
  const fail = (why: string): never => {
    throw new ConnectorError('VALUE_INVALID', `${what} ${why}`, { target });
  };
  const maxLength = limit(property.maxLength);
  if (maxLength !== undefined && (property.type === 'Edm.String' || property.type === 'Edm.Binary')) {
    const string = property.type === 'Edm.String';
    const length = string ? [...text].length : Buffer.from(text.trim(), 'base64').length;
    if (length > maxLength) fail(`is ${length} ${string ? 'characters' : 'bytes'} long; MaxLength is ${maxLength}`);
  }
  if (property.type === 'Edm.Decimal') {
    const digits = /^[+-]?0*(\d*)(?:\.(\d*?)0*)?$/.exec(text.trim());
    if (digits === null) return;
    const [whole, fraction] = [digits[1] ?? '', digits[2] ?? ''];
    const precision = limit(property.precision);
    // CSDL defaults an absent Scale to 0, but services that leave it out often take fractions: only a declared Scale binds.
    const scale = limit(property.scale);
    if (scale !== undefined && fraction.length > scale)
      fail(`has ${fraction.length} digits after the decimal point; Scale is ${scale}`);
    if (precision !== undefined && scale !== undefined && whole.length > precision - scale) {
      fail(
        `has ${whole.length} digits before the decimal point; Precision ${precision} with Scale ${scale} allows ${precision - scale}`
      );
    }
    if (precision !== undefined && whole.length + fraction.length > precision)
      fail(`has ${whole.length + fraction.length} digits; Precision is ${precision}`);
  }
}

/** A numeric facet value, or undefined for `max`, `variable`, `floating` or absent. */
function limit(facet: string | undefined): number | undefined {
  return facet !== undefined && /^\d+$/.test(facet) ? Number(facet) : undefined;
}
