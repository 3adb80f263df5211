import { isConnectorError } from '../errors/connector-error';
import { JsonNumber, parseLosslessJson, stringifyJson } from './lossless-json';

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

describe('stringifyJson', () => {
  it('writes JsonNumbers verbatim and everything else as JSON', () => {
    expect(
      stringifyJson({ a: new JsonNumber('1.0000000000000002'), b: '9007199254740993', c: [null, true, 'x"'] })
    ).toBe('{"a":1.0000000000000002,"b":"9007199254740993","c":[null,true,"x\\""]}');
  });
});
