import { encodeQueryOptions } from './resource-path';

describe('encodeQueryOptions (the raw CPI-style query string)', () => {
  it.each([
    ["$filter=Name eq 'Tom & Jerry'&$top=2", "$filter=Name%20eq%20'Tom%20%26%20Jerry'&$top=2"],
    ["$filter=Name eq 'O''Neil & Co' and Rating gt 2&$select=ID", "$filter=Name%20eq%20'O''Neil%20%26%20Co'%20and%20Rating%20gt%202&$select=ID"],
    ["?$top=2&$skip=1&", '$top=2&$skip=1'],
    // unbalanced quotes: every & separates, as before
    ["custom=O'Neil&$top=2", "custom=O'Neil&$top=2"]
  ])('%s → %s', (raw, encoded) => {
    expect(encodeQueryOptions(raw)).toBe(encoded);
  });
});
