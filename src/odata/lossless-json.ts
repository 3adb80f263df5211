import { MAX_JSON_DEPTH } from '../json/json-depth';
import { setOwn } from '../json/own-property';
import { ConnectorError } from '../errors/connector-error';

/** A JSON number kept as the exact text the service sent, so Int64 and Decimal are never rounded. */
export class JsonNumber {
  constructor(readonly raw: string) {}
  toString(): string {
    return this.raw;
  }
}

/** A parsed JSON value whose numbers are {@link JsonNumber}s. */
export type LosslessJson = null | boolean | string | JsonNumber | LosslessJson[] | { [key: string]: LosslessJson };

export type LosslessObject = { [key: string]: LosslessJson };

export function isLosslessObject(value: LosslessJson | undefined): value is LosslessObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** Parses JSON keeping every number's text (JSON.parse rounds 9007199254740993); RESPONSE_INVALID with the offset. */
export function parseLosslessJson(text: string): LosslessJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new ConnectorError('RESPONSE_INVALID', `The response is not valid JSON: ${what} at offset ${i}`);
  };
  const ws = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const str = (): string => {
    const start = i++;
    let escaped = false;
    for (let c = text.charCodeAt(i); c !== 34; c = text.charCodeAt(++i)) {
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 92) {
        escaped = true;
        i++; // the escaped character, a quote included
      }
    }
    i++;
    if (!escaped) return text.slice(start + 1, i - 1);
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('bad string escape');
    }
  };
  const num = (): JsonNumber => {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (found === null) return fail('unexpected character');
    i += found[0].length;
    return new JsonNumber(found[0]);
  };
  const members = (close: '}' | ']', member: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      const sep = text[i++];
      if (sep === close) return;
      if (sep !== ',') fail(`expected "," or "${close}"`);
    }
  };
  let depth = 0; // recursion: a hostile body nested thousands deep would overflow the stack
  const value = (): LosslessJson => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (++depth > MAX_JSON_DEPTH) fail(`values nested deeper than ${MAX_JSON_DEPTH} levels`);
      const container = c === '{' ? object() : array();
      depth -= 1;
      return container;
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    return num();
  };
  const object = (): LosslessObject => {
    const obj: LosslessObject = {};
    members('}', () => {
      ws();
      if (text[i] !== '"') fail('expected a property name');
      const key = str();
      ws();
      if (text[i++] !== ':') fail('expected ":"');
      setOwn(obj, key, value());
    });
    return obj;
  };
  const array = (): LosslessJson[] => {
    const arr: LosslessJson[] = [];
    members(']', () => arr.push(value()));
    return arr;
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte order mark some services send
  const result = value();
  ws();
  if (i < text.length) fail('trailing characters');
  return result;
}

/** A value for {@link stringifyJson}: plain JSON, with {@link JsonNumber} for numbers that must keep their text. */
export type JsonOut =
  null | boolean | string | number | JsonNumber | readonly JsonOut[] | { readonly [key: string]: JsonOut };

/** Serialises JSON, writing {@link JsonNumber}s verbatim (so a Double like 1.0000000000000002 is sent as typed). */
export function stringifyJson(value: JsonOut): string {
  if (value instanceof JsonNumber) return value.raw;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonOut[]).map(stringifyJson).join(',')}]`;
  return `{${Object.entries(value as Record<string, JsonOut>)
    .map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`)
    .join(',')}}`;
}
