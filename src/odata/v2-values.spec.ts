import { v2Dialect } from './v2-dialect';
import { fromV2AtomValue, fromV2JsonValue, normalizeV2Value, toV2AtomValue, toV2JsonValue } from './v2-values';

describe('OData V2 values (SAP CPI payload form ↔ JSON verbose ↔ Atom)', () => {
  it.each([
    ['Edm.DateTime', '1992-01-01T23:30:10.231', '1992-01-01T23:30:10.231', '/Date(694308610231)/'],
    ['Edm.DateTime', '1992-01-01T00:00:00.123456', '1992-01-01T00:00:00.123', '/Date(694224000123)/'],
    ['Edm.DateTime', '1992-01-01T01:00:00+01:00', '1992-01-01T00:00:00', '/Date(694224000000)/'],
    ['Edm.DateTime', '1960-01-01T00:00:00', '1960-01-01T00:00:00', '/Date(-315619200000)/'],
    ['Edm.DateTimeOffset', '2018-03-04T22:22:22.123Z', '2018-03-04T22:22:22.123Z', '/Date(1520202142123+0000)/'],
    ['Edm.DateTimeOffset', '2018-03-04T23:22:22+01:00', '2018-03-04T23:22:22+01:00', '/Date(1520202142000+0060)/'],
    ['Edm.Time', '22:22:22.123', '22:22:22.123', 'PT22H22M22.123S'],
    ['Edm.Time', 'PT1H2M3S', '01:02:03', 'PT01H02M03S'],
    ['Edm.Double', '2.0d', '2.0', '2.0'],
    ['Edm.Single', '1.5F', '1.5', '1.5'],
    ['Edm.Double', 'INF', 'INF', 'INF'],
    ['Edm.Double', '-INF', '-INF', '-INF'],
    ['Edm.Double', 'NaN', 'NaN', 'NaN'],
    ['Edm.Double', 'INFd', 'INF', 'INF'],
    ['Edm.Double', '-Infinity', '-INF', '-INF'],
    ['Edm.Single', 'INF', 'INF', 'INF'],
    ['Edm.Single', '-INFf', '-INF', '-INF'],
    ['Edm.Single', 'NaNF', 'NaN', 'NaN'],
    ['Edm.Double', '1e10', '1e10', '1e10'],
    ['Edm.Double', '5.', '5.', '5.'],
    ['Edm.Decimal', '12.50M', '12.50', '12.50'],
    ['Edm.Int64', '9007199254740993L', '9007199254740993', '9007199254740993'],
    ['Edm.Int32', '42', '42', 42],
    ['Edm.Byte', '255', '255', 255],
    ['Edm.Boolean', 'false', 'false', false],
    ['Edm.Boolean', 'False', 'false', false],
    ['Edm.Boolean', 'no', 'true', true],
    // the seed's rule: only false is false, so 0 and an empty value are true
    ['Edm.Boolean', '0', 'true', true],
    ['Edm.Boolean', '', 'true', true],
    ['Edm.Boolean', ' FALSE ', 'false', false],
    [
      'Edm.Guid',
      '12345678-aaaa-bbbb-cccc-ddddeeeeffff',
      '12345678-aaaa-bbbb-cccc-ddddeeeeffff',
      '12345678-aaaa-bbbb-cccc-ddddeeeeffff'
    ],
    ['Edm.Binary', 'AAEC_w==', 'AAEC/w==', 'AAEC/w=='],
    ['Edm.String', ' keep  blanks ', ' keep  blanks ', ' keep  blanks ']
  ] as const)('%s %j → canonical %j → JSON %j, and back', (type, input, canonical, json) => {
    const value = normalizeV2Value(type, input, 'P');
    expect(value).toBe(canonical);
    expect(toV2JsonValue(type, value)).toEqual(json);
    expect(fromV2JsonValue(type, toV2JsonValue(type, value))).toBe(
      type === 'Edm.DateTimeOffset' && canonical.endsWith('+01:00') ? '2018-03-04T23:22:22+01:00' : canonical
    );
  });

  it.each([
    ['Edm.Int32', 'four'],
    ['Edm.Int32', '2147483648'],
    ['Edm.Byte', '256'],
    ['Edm.DateTime', '1992-13-01T00:00:00'],
    ['Edm.DateTime', '1992-02-30T00:00:00'],
    ['Edm.Time', '25:00:00'],
    ['Edm.Guid', '1234'],
    ['Edm.Decimal', '1,5'],
    ['Edm.Double', 'abc'],
    ['Edm.Double', 'IN'],
    ['Edm.Double', 'inf'],
    ['Edm.Single', 'Fd']
  ] as const)('%s rejects %j with VALUE_INVALID naming the element', (type, input) => {
    expect(() => normalizeV2Value(type, input, 'Products/Product/X')).toThrow(
      expect.objectContaining({ code: 'VALUE_INVALID', details: { target: 'Products/Product/X' } })
    );
  });

  it('reads every JSON date form: offset, negative ticks, ISO strings', () => {
    expect(fromV2JsonValue('Edm.DateTime', '/Date(-62135596800000)/')).toBe('0001-01-01T00:00:00');
    expect(fromV2JsonValue('Edm.DateTime', '/Date(694224000000+0120)/')).toBe('1992-01-01T00:00:00');
    expect(fromV2JsonValue('Edm.DateTime', '2017-03-04T22:22:22.1234567')).toBe('2017-03-04T22:22:22.123');
    // the offset is in minutes: -0300 is five hours behind UTC
    expect(fromV2JsonValue('Edm.DateTimeOffset', '/Date(1520202142123-0300)/')).toBe('2018-03-04T17:22:22.123-05:00');
    expect(fromV2JsonValue('Edm.DateTimeOffset', '2018-03-04T22:22:22.1234567Z')).toBe('2018-03-04T22:22:22.123Z');
    expect(fromV2JsonValue('Edm.Int32', null)).toBeNull();
    expect(fromV2JsonValue('Edm.Decimal', '4045.1000')).toBe('4045.1000');
  });

  it('reads and writes Atom texts', () => {
    expect(fromV2AtomValue('Edm.Time', 'PT13H45M30S')).toBe('13:45:30');
    expect(fromV2AtomValue('Edm.DateTimeOffset', '2017-03-04T22:22:22')).toBe('2017-03-04T22:22:22Z');
    expect(fromV2AtomValue('Edm.DateTime', '2005-10-01T00:00:00.9999999')).toBe('2005-10-01T00:00:00.999');
    expect(v2Dialect.uriLiteral('Edm.Double', normalizeV2Value('Edm.Double', 'INFd', 'P'))).toBe('INFD');
    expect(v2Dialect.uriLiteral('Edm.Single', normalizeV2Value('Edm.Single', '-INF', 'P'))).toBe('-INFF');
    expect(fromV2AtomValue('Edm.Double', '-INF')).toBe('-INF');
    expect(fromV2AtomValue('Edm.Single', 'Infinity')).toBe('INF');
    expect(fromV2JsonValue('Edm.Double', 'NaN')).toBe('NaN');
    expect(fromV2JsonValue('Edm.Double', '-Infinity')).toBe('-INF');
    expect(fromV2AtomValue('Edm.Boolean', '1')).toBe('true');
    expect(fromV2AtomValue('Edm.Boolean', '0')).toBe('false');
    expect(fromV2AtomValue('Edm.Boolean', 'false')).toBe('false');
    expect(fromV2AtomValue('Edm.Boolean', 'true')).toBe('true');
    expect(toV2AtomValue('Edm.Time', '22:22:22.123')).toBe('PT22H22M22.123S');
    expect(toV2AtomValue('Edm.Decimal', '2.5')).toBe('2.5');
  });

  it.each([
    ['1.5E3', '1500'],
    ['1.5e+3', '1500'],
    ['-12e-4', '-0.0012'],
    ['123.456E-2', '1.23456'],
    ['1.50E1', '15.0'],
    ['9007199254740993E0', '9007199254740993'],
    ['12345678901234567890.123456789E-5', '123456789012345.67890123456789'],
    ['0E0', '0'],
    ['.5E1', '5']
  ])(
    'Decimal %s (a JSON number with an exponent) is read, and accepted in a payload, as the exact plain text %s',
    (exponent, plain) => {
      expect(fromV2JsonValue('Edm.Decimal', exponent)).toBe(plain);
      expect(fromV2AtomValue('Edm.Decimal', exponent)).toBe(plain);
      expect(normalizeV2Value('Edm.Decimal', exponent, 'P')).toBe(plain);
      expect(normalizeV2Value('Edm.Decimal', `${exponent}M`, 'P')).toBe(plain);
    }
  );
});
