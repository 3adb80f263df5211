import { ConnectorError } from '../errors/connector-error';
import { isJsonInteger, standardBase64, validateEdmValue, type EdmPrimitiveType } from './edm';

// V2 values go through the SAP CPI payload form (DateTime `1992-01-01T23:30:10.231` in UTC, Time `22:22:22.123`,
// unsuffixed numbers, standard base64), from and to JSON verbose and Atom, so a read can be fed back as a create.

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const JSON_DATE = /^\/Date\((-?\d+)(?:([+-])(\d{1,4}))?\)\/$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
const DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?$/i;

/** An envelope value in the canonical form, else VALUE_INVALID. SAP CPI Booleans: only `false` is false. */
export function normalizeV2Value(type: EdmPrimitiveType, text: string, target: string): string {
  const t = text.trim();
  const invalid = (why = ''): never => {
    throw new ConnectorError('VALUE_INVALID', `${target}: "${text}" is not a valid ${type}${why}`, { target });
  };
  switch (type) {
    case 'Edm.String':
      return text;
    case 'Edm.Boolean':
      return t.toLowerCase() === 'false' ? 'false' : 'true';
    case 'Edm.DateTime':
      return formatDateTime(parseDateTimeMs(t) ?? invalid(' (expected YYYY-MM-DDTHH:MM:SS.sss)'));
    case 'Edm.DateTimeOffset': {
      const m = DATE_TIME.exec(t) ?? invalid(' (expected YYYY-MM-DDTHH:MM:SS.sssZ)');
      const zone = m[8] === undefined || /^z$/i.test(m[8]) ? 'Z' : m[8].replace(/^([+-]\d{2}):?/, '$1:');
      if (parseDateTimeMs(t) === undefined) invalid();
      return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${fraction(m[7])}${zone}`;
    }
    case 'Edm.Time':
      return parseTime(t) ?? invalid(' (expected HH:MM:SS.sss)');
    case 'Edm.Double':
    case 'Edm.Single': {
      const special = specialFloat(t.replace(/(?<=INF|NaN|Infinity)[dDfF]$/, ''));
      if (special !== undefined) return special;
      const bare = t.replace(/(?<=[\d.])[dDfF]$/, '');
      validateEdmValue(type, bare, target);
      return bare;
    }
    case 'Edm.Binary':
      validateEdmValue(type, t, target);
      return standardBase64(t);
  }
  // Literal suffixes go; an exponent Decimal (a read of a service that sends JSON numbers) is written out plain.
  const written = type === 'Edm.Decimal' ? t.replace(/[mM]$/, '') : type === 'Edm.Int64' ? t.replace(/[lL]$/, '') : t;
  const bare = type === 'Edm.Decimal' ? (plainDecimal(written) ?? written) : written;
  validateEdmValue(type, bare, target);
  return bare.replace(/^\+/, '');
}

export function toV2JsonValue(type: EdmPrimitiveType, canonical: string): string | number | boolean {
  if (isJsonInteger(type)) return Number(canonical);
  switch (type) {
    case 'Edm.Boolean':
      return canonical === 'true';
    case 'Edm.DateTime':
      return `/Date(${parseDateTimeMs(canonical) ?? 0})/`;
    case 'Edm.DateTimeOffset': {
      const minutes = offsetMinutes(DATE_TIME.exec(canonical)?.[8]);
      return `/Date(${parseDateTimeMs(canonical) ?? 0}${minutes < 0 ? '-' : '+'}${String(Math.abs(minutes)).padStart(4, '0')})/`;
    }
    case 'Edm.Time':
      return toDuration(canonical);
    default:
      return canonical;
  }
}

/** A V2 JSON verbose value (any shape real servers send) in the canonical form; null stays null. */
export function fromV2JsonValue(type: EdmPrimitiveType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (type === 'Edm.Boolean') return text === 'true' || text === '1' ? 'true' : 'false';
  if (type !== 'Edm.DateTimeOffset') return fromV2AtomValue(type, text);
  const m = JSON_DATE.exec(text);
  if (m === null) return trimFraction(text);
  const minutes = m[3] === undefined ? 0 : (m[2] === '-' ? -1 : 1) * Number(m[3]);
  const local = formatDateTime(Number(m[1]) + minutes * 60_000);
  if (minutes === 0) return `${local}Z`;
  const abs = Math.abs(minutes);
  return `${local}${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `1.5E3` → `1500`, moving the point in the text (nothing rounded); undefined without an exponent or a huge one. */
function plainDecimal(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d{1,4})$/.exec(text);
  if (m === null || (m[2] ?? '') + (m[3] ?? '') === '' || Math.abs(Number(m[4])) > 1000) return undefined;
  const [sign, whole = '', fraction = ''] = [m[1] === '-' ? '-' : '', m[2], m[3]];
  const digits = whole + fraction;
  const point = whole.length + Number(m[4]);
  const plain =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + plain.replace(/^0+(?=\d)/, '');
}

/** An Atom property text (`m:type` given or from metadata) in the canonical form. */
export function fromV2AtomValue(type: EdmPrimitiveType, text: string): string {
  switch (type) {
    case 'Edm.DateTime': {
      const ms = parseDateTimeMs(text);
      return ms === undefined ? text : formatDateTime(ms);
    }
    case 'Edm.DateTimeOffset':
      // some servers (CAP) drop the zone in Atom; the value is UTC then
      return trimFraction(/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? text.trim() : `${text.trim()}Z`);
    case 'Edm.Time':
      return parseTime(text) ?? text;
    case 'Edm.Binary':
      return standardBase64(text);
    case 'Edm.Boolean':
      // Atom may send 1/0; the payload rule "only false is false" would turn a fed-back 0 into true
      return /^\s*(true|1)\s*$/i.test(text) ? 'true' : /^\s*(false|0)\s*$/i.test(text) ? 'false' : text;
    case 'Edm.Double':
    case 'Edm.Single':
      return specialFloat(text.trim()) ?? text;
    case 'Edm.Decimal':
    case 'Edm.Int64':
      return plainDecimal(text.trim()) ?? text;
    default:
      return text;
  }
}

export function toV2AtomValue(type: EdmPrimitiveType, canonical: string): string {
  return type === 'Edm.Time' ? toDuration(canonical) : canonical;
}

/** `INF`, `-INF`, `NaN` (and JavaScript's `Infinity` spellings) in their OData V2 form; undefined for other text. */
function specialFloat(text: string): string | undefined {
  const m = /^(?:NaN|([+-]?)(?:INF|Infinity))$/.exec(text);
  return m === null ? undefined : m[1] === undefined ? 'NaN' : `${m[1] === '-' ? '-' : ''}INF`;
}

function trimFraction(text: string): string {
  return text.replace(/(\.\d{3})\d+/, '$1');
}

/** Parses ISO date-time text (zone optional, UTC when absent) or `/Date(ms)/` into epoch milliseconds. */
export function parseDateTimeMs(text: string): number | undefined {
  const json = JSON_DATE.exec(text);
  if (json !== null) return Number(json[1]);
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  const [month, day, hour, minute, second] = [n(2), n(3), n(4), n(5), n(6)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), month - 1, day);
  date.setUTCHours(hour, minute, second, Number(((m[7] ?? '') + '000').slice(0, 3)));
  if (date.getUTCDate() !== day) return undefined;
  return date.getTime() - offsetMinutes(m[8]) * 60_000;
}

/** Epoch milliseconds → `1992-01-01T00:00:00` (UTC, `.sss` only when not zero). */
export function formatDateTime(ms: number): string {
  // toISOString writes years past 9999 as `+012345`
  return new Date(ms)
    .toISOString()
    .replace(/(\.000)?Z$/, '')
    .replace(/^\+0*(\d{4,})/, '$1');
}

/** `+01:00` → 60; 0 for `Z` and no zone (UTC). */
function offsetMinutes(zone: string | undefined): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone ?? '');
  if (m === null) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function fraction(digits: string | undefined): string {
  const kept = (digits ?? '').slice(0, 3);
  return kept === '' || /^0+$/.test(kept) ? '' : `.${kept}`;
}

/** `22:22:22.123` or `PT22H22M22.123S` → `22:22:22.123`; undefined when neither. */
export function parseTime(text: string): string | undefined {
  const m = CLOCK.exec(text) ?? DURATION.exec(text);
  if (m === null) return undefined;
  const [, h, mi, s, f] = m;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return undefined;
  return `${two(h)}:${two(mi)}:${two(s)}${f === undefined ? '' : `.${f}`}`;
}

/** `22:22:22.123` → `PT22H22M22.123S`, `8:30` → `PT08H30M00S`. */
export function toDuration(clock: string): string {
  const m = CLOCK.exec(clock);
  if (m === null) return clock;
  // zero-padded (PT08H30M00S) as SAP Gateway writes it; some servers refuse single-digit fields
  return `PT${two(m[1])}H${two(m[2])}M${two(m[3])}${m[4] === undefined ? '' : `.${m[4]}`}S`;
}

function two(value: string | number | undefined): string {
  return String(Number(value ?? 0)).padStart(2, '0');
}
