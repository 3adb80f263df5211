import { validateEdmValue, type EdmPrimitiveType } from './edm';

describe('validateEdmValue calendar, base64 and Single range', () => {
  const invalid: Array<[EdmPrimitiveType, string]> = [
    ['Edm.Date', '2023-02-29'],
    ['Edm.Date', '2024-02-30'],
    ['Edm.Date', '2024-04-31'],
    ['Edm.Date', '2024-13-01'],
    ['Edm.DateTimeOffset', '2024-02-30T10:00:00Z'],
    ['Edm.DateTimeOffset', '2024-02-28T24:00:00Z'],
    ['Edm.DateTimeOffset', '2024-02-28T10:60:00Z'],
    ['Edm.DateTimeOffset', '2024-02-28T10:00:60Z'],
    ['Edm.DateTime', '1900-02-29T00:00:00'],
    ['Edm.Binary', 'abc'],
    ['Edm.Binary', 'a'],
    ['Edm.Binary', 'AAEC/w='],
    ['Edm.Single', '1e39'],
    ['Edm.Single', '-3.5e38']
  ];
  it.each(invalid)('%s %s is refused', (type, text) => {
    expect(() => validateEdmValue(type, text, 'P')).toThrow(expect.objectContaining({ code: 'VALUE_INVALID' }));
  });

  const valid: Array<[EdmPrimitiveType, string]> = [
    ['Edm.Date', '2024-02-29'],
    ['Edm.Date', '2000-02-29'],
    ['Edm.Date', '2023-12-31'],
    ['Edm.DateTimeOffset', '2024-02-29T23:59:59.999Z'],
    ['Edm.DateTime', '2024-01-31T00:00:00'],
    ['Edm.Binary', 'AAEC/w=='],
    ['Edm.Binary', 'AAEC_w=='],
    ['Edm.Binary', ''],
    ['Edm.Binary', 'YWJj'],
    ['Edm.Single', '3.4028235e38'],
    ['Edm.Single', '-INF'],
    ['Edm.Single', 'NaN'],
    ['Edm.Single', '1.5']
  ];
  it.each(valid)('%s %s is accepted', (type, text) => {
    expect(() => validateEdmValue(type, text, 'P')).not.toThrow();
  });
});
