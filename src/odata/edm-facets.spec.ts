import { validateEdmFacets } from './edm';

const check = (type: string, facets: { maxLength?: string; precision?: string; scale?: string }, text: string) => () =>
  validateEdmFacets({ name: 'P', type, ...facets }, text, 'Entity[1]/P');

describe('validateEdmFacets', () => {
  it.each([
    [
      'a String of exactly MaxLength characters (code points, not UTF-16 units)',
      'Edm.String',
      { maxLength: '3' },
      'a😀ü'
    ],
    ['MaxLength max', 'Edm.String', { maxLength: 'max' }, 'x'.repeat(10_000)],
    ['a Binary of MaxLength bytes', 'Edm.Binary', { maxLength: '4' }, 'AAECAw=='],
    ['a Decimal within Precision 12 / Scale 2', 'Edm.Decimal', { precision: '12', scale: '2' }, '-9999999999.99'],
    ['trailing zeros beyond Scale (they change no value)', 'Edm.Decimal', { precision: '5', scale: '2' }, '1.2300'],
    ['leading zeros beyond Precision', 'Edm.Decimal', { precision: '3', scale: '0' }, '000123'],
    ['a variable Scale', 'Edm.Decimal', { precision: '10', scale: 'variable' }, '1.23456789'],
    ['a Decimal with no facets', 'Edm.Decimal', {}, '123456789012345678901234567890.123456789'],
    [
      'date-time fraction digits beyond Precision (services cut them)',
      'Edm.DateTimeOffset',
      { precision: '0' },
      '2024-01-01T00:00:00.1234567Z'
    ]
  ])('accepts %s', (_what, type, facets, text) => {
    expect(check(type, facets, text)).not.toThrow();
  });

  it.each([
    [
      'a String over MaxLength',
      'Edm.String',
      { maxLength: '3' },
      'abcd',
      'Entity[1]/P: the value of P (Edm.String) is 4 characters long; MaxLength is 3'
    ],
    ['a Binary over MaxLength', 'Edm.Binary', { maxLength: '3' }, 'AAECAw==', 'is 4 bytes long; MaxLength is 3'],
    [
      'too many fraction digits',
      'Edm.Decimal',
      { precision: '12', scale: '2' },
      '1.005',
      'has 3 digits after the decimal point; Scale is 2'
    ],
    [
      'too many whole digits',
      'Edm.Decimal',
      { precision: '12', scale: '2' },
      '12345678901',
      'has 11 digits before the decimal point; Precision 12 with Scale 2 allows 10'
    ],
    ['too many digits for Precision alone', 'Edm.Decimal', { precision: '4' }, '12.345', 'has 5 digits; Precision is 4']
  ])('refuses %s with VALUE_INVALID naming property and facet', (_what, type, facets, text, message) => {
    expect(check(type, facets, text)).toThrow(
      expect.objectContaining({ code: 'VALUE_INVALID', message: expect.stringContaining(message) })
    );
  });
});
