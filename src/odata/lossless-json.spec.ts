import { isConnectorError } from '../errors/connector-error';
import { MAX_JSON_DEPTH } from '../json/json-depth';
import { JsonNumber, parseLosslessJson, stringifyJson, type JsonOut, type LosslessObject } from './lossless-json';

describe('parseLosslessJson', () => {
  it('keeps Int64 and Decimal numbers exactly, even when a server sends them as JSON numbers', () => {
    const parsed = parseLosslessJson(
      '{"I64":9007199254740993,"Dec":12345678901234567890.123456789,"Dbl":-1.5e-10}'
    ) as Record<string, JsonNumber>;
    expect(parsed['I64']?.raw).toBe('9007199254740993');
    expect(parsed['Dec']?.raw).toBe('12345678901234567890.123456789');
    expect(parsed['Dbl']?.raw).toBe('-1.5e-10');
    expect(String(JSON.parse('9007199254740993'))).toBe('9007199254740992'); // why this parser exists
  });

  it('parses strings with and without escapes, nested arrays, literals', () => {
    expect(parseLosslessJson(' {"a":"x\\"y\\u00e4","b":[true,false,null,[]],"c":{},"d":"plain"} ')).toEqual({
      a: 'x"yä',
      b: [true, false, null, []],
      c: {},
      d: 'plain'
    });
  });

  it.each([['{"a":1'], ['{"a" 1}'], ['[1,]'], ['{"a":1} x'], ['"open'], ['']])(
    'rejects malformed JSON %j as RESPONSE_INVALID',
    text => {
      let caught: unknown;
      try {
        parseLosslessJson(text);
      } catch (error) {
        caught = error;
      }
      expect(isConnectorError(caught) && caught.code).toBe('RESPONSE_INVALID');
    }
  );
});

describe('parseLosslessJson on hostile bodies', () => {
  it('refuses values nested deeper than MAX_JSON_DEPTH as RESPONSE_INVALID, not a stack overflow', () => {
    expect(() => parseLosslessJson('['.repeat(5000))).toThrow(
      expect.objectContaining({ code: 'RESPONSE_INVALID', message: expect.stringContaining('nested deeper than 1000') })
    );
    const deepest = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(Array.isArray(parseLosslessJson(deepest))).toBe(true);
    expect(() => parseLosslessJson(`[${deepest}]`)).toThrow(/nested deeper/);
  });

  it('keeps members named like Object.prototype keys as own members', () => {
    const parsed = parseLosslessJson('{"__proto__":{"x":1},"constructor":"c","toString":"t"}') as LosslessObject;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed['constructor']).toBe('c');
    expect(stringifyJson(parsed as JsonOut)).toBe('{"__proto__":{"x":1},"constructor":"c","toString":"t"}');
  });
});

describe('stringifyJson', () => {
  it('writes JsonNumbers verbatim and everything else as JSON', () => {
    expect(
      stringifyJson({ a: new JsonNumber('1.0000000000000002'), b: '9007199254740993', c: [null, true, 'x"'] })
    ).toBe('{"a":1.0000000000000002,"b":"9007199254740993","c":[null,true,"x\\""]}');
  });
});
