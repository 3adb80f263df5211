import { drivePlan, sendingTo } from '../connector/plan';
import { metadataSource } from './service';
import { v2Dialect } from './v2-dialect';
import { v4Dialect } from './v4-dialect';

const edmx = (version: string): string =>
  `\uFEFF<edmx:Edmx xmlns:edmx="x" Version="${version}"><edmx:DataServices><Schema Namespace="N"/></edmx:DataServices></edmx:Edmx>`;

function load(source: ReturnType<typeof metadataSource>, body: string, status = 200) {
  const urls: string[] = [];
  const plan = source.load({ serviceUrl: 'https://h/svc?sap-client=100' });
  return {
    urls,
    result: drivePlan(
      plan,
      sendingTo(async request => (urls.push(request.url), { status, headers: {}, body }))
    )
  };
}

describe('metadataSource', () => {
  it('is keyed by the service URL with its query, without a password written into it', () => {
    const { key } = metadataSource(v4Dialect);
    expect(key({ serviceUrl: 'https://u:pw@h/svc/?sap-client=100#x' })).toBe('https://h/svc/?sap-client=100');
    expect(key({ serviceUrl: 'https://h/svc/?sap-client=200' })).not.toBe(key({ serviceUrl: 'https://h/svc/' }));
  });

  it('reads $metadata below the service root and parses it (a byte order mark is no error)', async () => {
    const { urls, result } = load(metadataSource(v4Dialect), edmx('4.0'));
    expect((await result).namespaces).toEqual(['N']);
    expect(urls).toEqual(['https://h/svc/$metadata']);
  });

  it.each([
    [v4Dialect, '1.0', 'https://h/svc/ is an OData 2.0 service; use the odata-v2 connector'],
    [v2Dialect, '4.0', 'https://h/svc/ is an OData V4 service; use the odata-v4 connector']
  ])('refuses a service of the other version, naming the connector to use', async (dialect, version, message) => {
    await expect(load(metadataSource(dialect), edmx(version)).result).rejects.toMatchObject({
      code: 'MODEL_MISMATCH',
      message
    });
  });

  it('fails with the HTTP status when the service refuses', async () => {
    await expect(load(metadataSource(v2Dialect), '', 401).result).rejects.toMatchObject({ code: 'HTTP_STATUS' });
  });
});
