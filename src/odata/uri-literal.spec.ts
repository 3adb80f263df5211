import { v2Dialect } from './v2-dialect';

describe('OData V2 URI literals (keys, function import parameters)', () => {
  it.each([
    ['Edm.String', "O'Neil", "'O''Neil'"],
    ['Edm.Int32', '42', '42'],
    ['Edm.Int64', '9007199254740993', '9007199254740993L'],
    ['Edm.Decimal', '12.5', '12.5M'],
    ['Edm.Double', '2.0', '2.0D'],
    ['Edm.Single', '1.5', '1.5F'],
    ['Edm.Guid', '12345678-aaaa-bbbb-cccc-ddddeeeeffff', "guid'12345678-aaaa-bbbb-cccc-ddddeeeeffff'"],
    ['Edm.DateTime', '1992-01-01T23:30:10.231', "datetime'1992-01-01T23:30:10.231'"],
    ['Edm.DateTimeOffset', '2018-03-04T22:22:22.123Z', "datetimeoffset'2018-03-04T22:22:22.123Z'"],
    ['Edm.Time', '22:22:22.123', "time'PT22H22M22.123S'"],
    ['Edm.Binary', 'FRwvAA==', "X'151C2F00'"],
    ['Edm.Boolean', 'false', 'false']
  ] as const)('%s %s → %s', (type, text, literal) => {
    expect(v2Dialect.uriLiteral(type, text)).toBe(literal);
  });
});
