import { createRuntime } from '../../../src/index';
import type { HttpResponse } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';

const atomEntry = (etagAttribute: string) => `<?xml version="1.0" encoding="utf-8"?>
<entry xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"${etagAttribute}>
  <id>${serviceUrl}Suppliers(0)</id>
  <category term="ODataDemo.Supplier" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/>
  <content type="application/xml"><m:properties><d:ID m:type="Edm.Int32">0</d:ID><d:Concurrency m:type="Edm.Int32">3</d:Concurrency></m:properties></content>
</entry>`;

async function readSupplier(format: 'json' | 'atom', answer: HttpResponse): Promise<string> {
  const stub = createStubService(metadata, r => (r.url.includes('Suppliers') ? answer : undefined));
  const r = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation: 'Read',
    params: { serviceUrl, resourcePath: 'Suppliers(0)', format }
  });
  expect(r.status).toBe(1);
  return r.output;
}

describe('Read by key: where the ETag comes from', () => {
  it('takes it from the ETag header when the Atom entry has no m:etag (CAP)', async () => {
    const output = await readSupplier('atom', {
      status: 200,
      headers: { etag: 'W/"3"', 'content-type': 'application/atom+xml' },
      body: atomEntry('')
    });
    expect(output).toContain('<Supplier etag="W/&quot;3&quot;">');
  });

  it('takes it from the ETag header when the JSON entity has no __metadata.etag', async () => {
    const output = await readSupplier('json', {
      status: 200,
      headers: { etag: 'W/"3"' },
      body: JSON.stringify({ d: { ID: 0, Concurrency: 3 } })
    });
    expect(output).toContain('<Supplier etag="W/&quot;3&quot;">');
  });

  it('prefers __metadata.etag, then m:etag, over the header', async () => {
    const json = await readSupplier('json', {
      status: 200,
      headers: { etag: 'W/"9"' },
      body: JSON.stringify({ d: { __metadata: { etag: 'W/"3"' }, ID: 0 } })
    });
    expect(json).toContain('<Supplier etag="W/&quot;3&quot;">');
    const atom = await readSupplier('atom', {
      status: 200,
      headers: { etag: 'W/"9"' },
      body: atomEntry(' m:etag="W/&quot;4&quot;"')
    });
    expect(atom).toContain('<Supplier etag="W/&quot;4&quot;">');
  });

  it('does not put a header ETag on the entities of a feed', async () => {
    const output = await readSupplier('json', {
      status: 200,
      headers: { etag: 'W/"9"' },
      body: JSON.stringify({ d: { results: [{ ID: 0 }, { ID: 1 }] } })
    });
    expect(output).not.toContain('etag=');
  });
});

describe('Read decodes the format that came back', () => {
  it.each([
    ['json', { status: 200, headers: {}, body: atomEntry('') }],
    ['atom', { status: 200, headers: {}, body: JSON.stringify({ d: { ID: 0, Concurrency: 3 } }) }]
  ] as const)(
    'format=%s, the other one answered ($format in queryOptions, or Accept ignored)',
    async (format, answer) => {
      const output = await readSupplier(format, answer);
      expect(output).toMatch(/<ID>0<\/ID>\s*<Concurrency>3<\/Concurrency>/);
    }
  );
});
