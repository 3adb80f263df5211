import { createRuntime } from '../../../src/index';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';

async function write(operation: string, resourcePath: string, input: string) {
  const stub = createStubService(metadata, r =>
    r.method === 'MERGE' || r.method === 'PUT' ? { status: 204, headers: {}, body: '' } : undefined
  );
  const r = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl, resourcePath },
    input
  });
  return {
    ...r,
    sent: stub.requests
      .filter(q => !q.url.endsWith('$metadata') && q.headers?.['x-csrf-token'] !== 'Fetch')
      .map(q => `${q.method} ${q.url.slice(serviceUrl.length)}`)
  };
}

describe('Update/Merge with a keyed resourcePath', () => {
  it.each(['Merge', 'Update'])(
    '%s refuses a payload whose key is another entity, and sends nothing',
    async operation => {
      const r = await write(
        operation,
        'Products(1)',
        '<Products><Product><ID>2</ID><Rating>3</Rating></Product></Products>'
      );
      expect(r.status).toBe(-1);
      expect(r.output).toContain(
        `resourcePath "Products(1)" addresses the key (1), but the envelope's entity has the key ID=2`
      );
      expect(r.sent).toEqual([]);
    }
  );

  it.each([
    ['Products(1)', '<ID>1</ID><Rating>3</Rating>'],
    ['Products(ID=1)', '<ID>1</ID><Rating>3</Rating>'],
    ['Products(1)', '<Rating>3</Rating>']
  ])('Merge sends to %s when the payload has its key or none (%s)', async (resourcePath, properties) => {
    const r = await write('Merge', resourcePath, `<Products><Product>${properties}</Product></Products>`);
    expect(r.status).toBe(1);
    expect(r.sent).toEqual([`MERGE ${resourcePath}`]);
  });
});

describe('Update/Merge/Patch send the ETag as If-Match', () => {
  it.each(['Update', 'Merge', 'Patch'])(
    '%s: the etag attribute of the entity, or the etag parameter over it',
    async operation => {
      const input = `<Suppliers><Supplier etag='W/"3"'><ID>1</ID><Name>N</Name></Supplier></Suppliers>`;
      const headersOf = async (params: Record<string, string>) => {
        const stub = createStubService(metadata, r =>
          r.url.endsWith('Suppliers(1)') ? { status: 204, headers: {}, body: '' } : undefined
        );
        const r = await createRuntime([odataV2], { transport: stub }).invoke({
          connector: 'odata-v2',
          operation,
          params: { serviceUrl, ...params },
          input
        });
        expect(r.status).toBe(1);
        return stub.requests
          .filter(q => q.url.endsWith('Suppliers(1)'))
          .map(q => `${q.method} ${q.headers?.['if-match'] ?? '(none)'}`);
      };
      const verb = { Update: 'PUT', Merge: 'MERGE', Patch: 'PATCH' }[operation];
      expect(await headersOf({})).toEqual([`${verb} W/"3"`]);
      expect(await headersOf({ etag: '*' })).toEqual([`${verb} *`]);
    }
  );
});
