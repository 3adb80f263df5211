import { sanitizeUrl } from './redact';

describe('sanitizeUrl', () => {
  it('removes user:password and masks the documented credential parameters', () => {
    expect(sanitizeUrl('https://u:pw@host/svc/?password=a&Signature=b&sap-client=100')).toBe(
      'https://host/svc/?password=***&Signature=***&sap-client=100'
    );
  });

  // A service URL may carry its own key (Azure APIM subscription-key, api_key, client_secret): --verbose and
  // dry runs print every request URL, so any credential-like name is masked, not only a fixed list.
  it('masks every credential-like query parameter of a service URL, keeping IDs and ordinary options', () => {
    const url =
      'https://host/odata/?sap-client=100&api_key=K-1&subscription-key=K-2&client_secret=K-3&ApiKey=K-4&AccessKeyId=LTAI-1&SignatureMethod=HMAC-SHA1&$skiptoken=5';
    expect(sanitizeUrl(url)).toBe(
      'https://host/odata/?sap-client=100&api_key=***&subscription-key=***&client_secret=***&ApiKey=***&AccessKeyId=LTAI-1&SignatureMethod=HMAC-SHA1&$skiptoken=5'
    );
  });
});
