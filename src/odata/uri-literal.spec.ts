import { formatKeyPredicate, formatUriLiteral } from './uri-literal';

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
    expect(formatUriLiteral(type, text, 'v2')).toBe(literal);
  });

  it('builds single and composite key predicates, percent-encoded for a path segment', () => {
    expect(formatKeyPredicate([{ name: 'ID', type: 'Edm.Int32', value: '1' }], 'v2')).toBe('(1)');
    expect(
      formatKeyPredicate(
        [
          { name: 'W', type: 'Edm.String', value: "O'Hare A/B" },
          { name: 'Y', type: 'Edm.Int64', value: '2024' }
        ],
        'v2'
      )
    ).toBe("(W='O''Hare%20A%2FB',Y=2024L)");
  });
});
