import type { HttpRequest } from '../transport/transport';
import { serviceQueryMiddleware } from './odata-transport';

const through = async (serviceUrl: string, url: string): Promise<string> => {
  let sent = '';
  await serviceQueryMiddleware(serviceUrl)(
    { method: 'GET', url } as HttpRequest,
    async r => ((sent = r.url), { status: 200, headers: {}, body: '' })
  );
  return sent;
};

describe('serviceQueryMiddleware', () => {
  it('adds the service URL query to requests to its host, after their own query', async () => {
    expect(
      await through('https://h.test/svc/?sap-client=100&sap-language=DE', 'https://h.test/svc/Products?$top=1')
    ).toBe('https://h.test/svc/Products?$top=1&sap-client=100&sap-language=DE');
    expect(await through('https://h.test/svc/?sap-client=100', 'https://H.TEST/svc/$metadata')).toBe(
      'https://H.TEST/svc/$metadata?sap-client=100'
    );
  });

  it('keeps a parameter the request already has (a next link), and leaves other hosts and plain service URLs alone', async () => {
    expect(
      await through('https://h.test/svc/?sap-client=100', 'https://h.test/svc/Products?$skiptoken=2&sap-client=100')
    ).toBe('https://h.test/svc/Products?$skiptoken=2&sap-client=100');
    expect(await through('https://h.test/svc/?sap-client=100', 'https://other.test/x')).toBe('https://other.test/x');
    expect(await through('https://h.test/svc/', 'https://h.test/svc/Products')).toBe('https://h.test/svc/Products');
  });
});
