import { encodeQueryOptions, encodeResourcePath } from './resource-path';

describe('encodeQueryOptions (the raw CPI-style query string)', () => {
  it.each([
    ["$filter=Name eq 'Tom & Jerry'&$top=2", "$filter=Name%20eq%20'Tom%20%26%20Jerry'&$top=2"],
    [
      "$filter=Name eq 'O''Neil & Co' and Rating gt 2&$select=ID",
      "$filter=Name%20eq%20'O''Neil%20%26%20Co'%20and%20Rating%20gt%202&$select=ID"
    ],
    ['?$top=2&$skip=1&', '$top=2&$skip=1'],
    // unbalanced quotes: every & separates, as before
    ["custom=O'Neil&$top=2", "custom=O'Neil&$top=2"]
  ])('%s → %s', (raw, encoded) => {
    expect(encodeQueryOptions(raw)).toBe(encoded);
  });
});

describe('encodeResourcePath: key literals', () => {
  it.each([
    ["Products('A/B&C')", "Products('A%2FB%26C')"],
    ["StockLevels(Warehouse='Hall A/B',Sku='S/1')", "StockLevels(Warehouse='Hall%20A%2FB',Sku='S%2F1')"],
    ["People('O''Neil/x')/Friends", "People('O''Neil%2Fx')/Friends"],
    ["Products('a?b#c+d%e')", "Products('a%3Fb%23c%2Bd%25e')"],
    // already percent-encoded by the user: kept as it is
    ["Products('A%2FB')", "Products('A%2FB')"],
    ['Categories(1)/Products', 'Categories(1)/Products'],
    ["/Products(datetime'2024-01-01T00:00:00')", "Products(datetime'2024-01-01T00:00:00')"]
  ])('%s → %s', (path, encoded) => {
    expect(encodeResourcePath(path)).toBe(encoded);
  });
});
