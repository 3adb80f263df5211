import { createRuntime } from '../../../src/index';
import { parseMetadata } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';
import { decodeAtomPage } from './decode-records';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const model = parseMetadata(metadata);
const serviceUrl = 'http://stub.test/svc/';

const feed = (
  ...properties: string[]
) => `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">
${properties.map(p => `<entry><category term="ODataDemo.Product" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/><content type="application/xml"><m:properties>${p}</m:properties></content></entry>`).join('\n')}
</feed>`;

const valuesOf = (body: string, name: string) =>
  decodeAtomPage(model, body, undefined)
    .records.map(r => r.fields.find(f => f.name === name))
    .map(f => (f?.kind === 'primitive' ? f.value : undefined));

describe('Atom responses: values', () => {
  it('reads Edm.Boolean 1/0 as true/false, typed by m:type or by $metadata', () => {
    const body = feed(
      '<d:ID m:type="Edm.Int32">1</d:ID><d:Discontinued m:type="Edm.Boolean">1</d:Discontinued>',
      '<d:ID m:type="Edm.Int32">2</d:ID><d:Discontinued m:type="Edm.Boolean">0</d:Discontinued>',
      '<d:ID>3</d:ID><d:Discontinued>0</d:Discontinued>',
      '<d:ID>4</d:ID><d:Discontinued>false</d:Discontinued>'
    );
    expect(valuesOf(body, 'Discontinued')).toEqual(['true', 'false', 'false', 'false']);
  });

  it('a read Atom 0 fed back as a Create payload stays false (only false is false on the way in)', async () => {
    const stub = createStubService(metadata, r =>
      r.method === 'GET' && r.url.includes('Products')
        ? {
            status: 200,
            headers: { 'content-type': 'application/atom+xml' },
            body: feed('<d:ID m:type="Edm.Int32">7</d:ID><d:Discontinued m:type="Edm.Boolean">0</d:Discontinued>')
          }
        : undefined
    );
    const runtime = createRuntime([odataV2], { transport: stub });
    const read = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', format: 'atom' }
    });
    expect(read.output).toContain('<Discontinued>false</Discontinued>');
    const payload = read.output
      .replace(/<\?xml[^>]*>\s*/, '')
      .replace(
        '<ID>7</ID>',
        '<ID>8</ID><ReleaseDate>1992-01-01T00:00:00</ReleaseDate><Rating>1</Rating><Price>1</Price>'
      );
    const created = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl },
      input: payload
    });
    expect(created.status).toBe(1);
    expect(stub.jsonBodies()).toEqual([expect.objectContaining({ ID: 8, Discontinued: false })]);
  });
});

describe('Atom responses: paging', () => {
  it('follows <link rel="next"> to the end and keeps the <m:count> of the first page', async () => {
    const page = (ids: number[], next?: string) =>
      feed(...ids.map(id => `<d:ID m:type="Edm.Int32">${id}</d:ID>`)).replace(
        '<entry>',
        `<m:count>3</m:count>${next === undefined ? '' : `<link rel="next" href="${next.replace(/&/g, '&amp;')}"/>`}<entry>`
      );
    const stub = createStubService(metadata, r => {
      if (r.method !== 'GET' || !r.url.includes('Products')) return undefined;
      const second = r.url.includes('$skiptoken=2');
      return {
        status: 200,
        headers: { 'content-type': 'application/atom+xml;type=feed' },
        body: second ? page([3]) : page([1, 2], `${serviceUrl}Products?$inlinecount=allpages&$skiptoken=2`)
      };
    });
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: { serviceUrl, resourcePath: 'Products', queryOptions: '$inlinecount=allpages', format: 'atom' }
    });
    expect(r.status).toBe(1);
    expect(r.output).toContain('count="3"');
    expect([...r.output.matchAll(/<ID>(\d+)<\/ID>/g)].map(m => m[1])).toEqual(['1', '2', '3']);
    expect(stub.requests.filter(q => q.url.includes('Products')).map(q => q.url.slice(serviceUrl.length))).toEqual([
      'Products?$inlinecount=allpages',
      'Products?$inlinecount=allpages&$skiptoken=2'
    ]);
  });
});
