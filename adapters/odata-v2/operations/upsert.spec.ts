import { createRuntime } from '../../../src/index';
import type { HttpRequest, HttpResponse } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';

// Upsert honours the chosen wire format (format=atom) both ways: what it sends and how it reads answers.
const atomEntry = (type: string, properties: string) =>
  `<?xml version="1.0" encoding="utf-8"?><entry xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><category term="${type}" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/><content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`;

async function upsert(
  metadata: string,
  serviceUrl: string,
  params: Record<string, string>,
  input: string,
  answer: (r: HttpRequest) => HttpResponse | undefined
) {
  const stub = createStubService(metadata, answer);
  const result = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation: 'Upsert',
    params: { serviceUrl, ...params },
    input
  });
  return {
    result,
    requests: stub.requests.filter(r => !r.url.endsWith('$metadata') && r.headers?.['x-csrf-token'] !== 'Fetch')
  };
}

describe('Upsert in Atom (format=atom)', () => {
  const demo = seedFile('odata-demo-v2-cpi.metadata.xml');
  const serviceUrl = 'http://stub.test/svc/';
  // a service that answers in the format the request asks for, as CAP and Gateway do
  const byAccept = (r: HttpRequest): HttpResponse | undefined => {
    if (r.method !== 'GET') return r.method === 'MERGE' ? { status: 204, headers: {}, body: '' } : undefined;
    const atom = /atom/.test(r.headers?.['accept'] ?? '');
    return atom
      ? {
          status: 200,
          headers: { 'content-type': 'application/atom+xml;type=entry', etag: 'W/"7"' },
          body: atomEntry('ODataDemo.Supplier', '<d:ID m:type="Edm.Int32">1</d:ID>')
        }
      : {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"d":{"__metadata":{"etag":"W/\\"7\\""},"ID":1}}'
        };
  };

  it('generic: the read-by-key probe asks for Atom, its answer is read as Atom and the MERGE goes out as an Atom entry with the ETag', async () => {
    const { result, requests } = await upsert(
      demo,
      serviceUrl,
      { upsertMode: 'generic', format: 'atom' },
      '<Suppliers><Supplier><ID>1</ID><Name>New name</Name></Supplier></Suppliers>',
      byAccept
    );
    expect(result.output).not.toContain('<Error');
    expect(result.status).toBe(1);
    expect(requests.map(r => `${r.method} ${r.url} ${r.headers?.['accept'] ?? ''}`)).toEqual([
      `GET ${serviceUrl}Suppliers(1)?$select=ID application/atom+xml,application/xml;q=0.9`,
      `MERGE ${serviceUrl}Suppliers(1) application/atom+xml,application/xml;q=0.9`
    ]);
    expect(requests[1]?.headers).toMatchObject({
      'content-type': 'application/atom+xml;type=entry',
      'if-match': 'W/"7"'
    });
    expect(String(requests[1]?.body)).toContain('<d:Name m:type="Edm.String">New name</d:Name>');
    expect(result.output).toContain('editStatus="UPDATED"');
  });

  it('function (SuccessFactors): several entities go out as an Atom feed of entries, the Atom UpsertResult feed is mapped per entity', async () => {
    const answer = (r: HttpRequest): HttpResponse | undefined =>
      r.url.endsWith('/upsert')
        ? {
            status: 200,
            headers: { 'content-type': 'application/atom+xml;type=feed' },
            body: `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">${[
              atomEntry(
                'SFOData.UpsertResult',
                `<d:key>User/userId='user1'</d:key><d:status>OK</d:status><d:editStatus>UPSERTED</d:editStatus><d:message m:null="true"/><d:index m:type="Edm.Int32">0</d:index><d:httpCode m:type="Edm.Int32">204</d:httpCode>`
              ),
              atomEntry(
                'SFOData.UpsertResult',
                `<d:key>User/userId='user33'</d:key><d:status>ERROR</d:status><d:editStatus m:null="true"/><d:message>hr user1 is not active</d:message><d:index m:type="Edm.Int32">1</d:index><d:httpCode m:type="Edm.Int32">500</d:httpCode>`
              )
            ]
              .map(e => e.replace(/^<\?xml[^>]*\?>/, ''))
              .join('')}</feed>`
          }
        : undefined;
    const { result, requests } = await upsert(
      seedFile('sfsf-user.metadata.xml'),
      'https://api.sfsf.test/odata/v2/',
      { format: 'atom' },
      seedFile('upsert.xml'),
      answer
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).toMatchObject({
      'content-type': 'application/atom+xml;type=feed',
      accept: 'application/atom+xml,application/xml;q=0.9'
    });
    const body = String(requests[0]?.body);
    expect(body).toMatch(/^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">\s*<entry /);
    expect(body.match(/<entry xmlns=/g)).toHaveLength(2);
    expect(body).toContain('<d:userId m:type="Edm.String">user33</d:userId>');
    // what the JSON body carries as __metadata.uri, as absolute URIs (a relative href would resolve against …/upsert)
    expect(body.match(/<id>[^<]*<\/id>/g)).toEqual([
      "<id>https://api.sfsf.test/odata/v2/User('user1')</id>",
      "<id>https://api.sfsf.test/odata/v2/User('user22')</id>",
      "<id>https://api.sfsf.test/odata/v2/User('user33')</id>"
    ]);
    expect(body).toContain(
      '<link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/hr" type="application/atom+xml;type=entry" title="hr" href="https://api.sfsf.test/odata/v2/User(\'user1\')"/>'
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      '<OKEntities entitySet="User" qualifiedName="SFOData.User" httpStatus="204" key="User/userId=\'user1\'" editStatus="UPSERTED">'
    );
    expect(result.output).toContain("upsert of User/userId='user33' failed (ERROR): hr user1 is not active");
  });

  it('function (SuccessFactors): one entity goes out as a single Atom entry', async () => {
    const answer = (r: HttpRequest): HttpResponse | undefined =>
      r.url.endsWith('/upsert')
        ? {
            status: 200,
            headers: { 'content-type': 'application/atom+xml' },
            body: atomEntry(
              'SFOData.UpsertResult',
              '<d:key>k</d:key><d:status>OK</d:status><d:index m:type="Edm.Int32">0</d:index>'
            )
          }
        : undefined;
    const { result, requests } = await upsert(
      seedFile('sfsf-user.metadata.xml'),
      'https://api.sfsf.test/odata/v2/',
      { format: 'atom' },
      '<User><User><userId>u9</userId></User></User>',
      answer
    );
    expect(requests[0]?.headers?.['content-type']).toBe('application/atom+xml;type=entry');
    expect(String(requests[0]?.body)).toMatch(/<entry xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(result.status).toBe(1);
  });
});

describe('Upsert (SuccessFactors): the inlineResults of a deep upsert', () => {
  const sfsf = seedFile('sfsf-user.metadata.xml');
  const sfsfUrl = 'https://api.sfsf.test/odata/v2/';
  const result = (key: string, ok: boolean, index: number, inline: unknown = null) => ({
    key: `User/userId='${key}'`,
    status: ok ? 'OK' : 'ERROR',
    editStatus: ok ? 'UPSERTED' : null,
    message: ok ? null : `${key} needs a hire date`,
    index,
    httpCode: ok ? 204 : 400,
    inlineResults: inline
  });
  const answerJson =
    (d: unknown) =>
    (r: HttpRequest): HttpResponse | undefined =>
      r.url.endsWith('/upsert')
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ d }) }
        : undefined;

  it.each([
    ['wrapped in results', [{ results: [result('user22', false, 0)] }]],
    ['as a plain list', [result('user22', false, 0)]]
  ])(
    'JSON (%s): the nested entity gets its own outcome after its parent, naming the parent; one failed nested entity makes the status -1',
    async (_shape, inline) => {
      const { result: r } = await upsert(
        sfsf,
        sfsfUrl,
        {},
        seedFile('upsert.xml'),
        answerJson([result('user1', true, 0, inline), result('user33', true, 1)])
      );
      expect(r.status).toBe(-1);
      const outcomes = [
        ...r.output.matchAll(/<(OKEntities|FailEntities)[^>]*key="([^"]*)"[^>]*>\s*<Property[^>]*value="([^"]*)"/g)
      ].map(m => `${m[1]} ${m[2]} ${m[3]}`);
      expect(outcomes).toEqual([
        "OKEntities User/userId='user1' user1",
        "FailEntities User/userId='user22' user22",
        "OKEntities User/userId='user33' user33"
      ]);
      expect(r.output).toContain(`inlineOf="User/userId='user1'"`);
      expect(r.output).toContain(
        "User[1]/User/manager/User: upsert of User/userId='user22' failed (ERROR): user22 needs a hire date"
      );
    }
  );

  it('Atom: <d:inlineResults> elements are mapped the same way; an inline result with no entity sent is still reported', async () => {
    const D =
      'xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"';
    const inline = `<d:inlineResults><d:element><d:key>User/userId='user22'</d:key><d:status>OK</d:status><d:editStatus>UPSERTED</d:editStatus><d:index>0</d:index></d:element><d:element><d:key>User/userId='ghost'</d:key><d:status>OK</d:status><d:index>1</d:index></d:element></d:inlineResults>`;
    const body = `<feed xmlns="http://www.w3.org/2005/Atom" ${D}><entry><content type="application/xml"><m:properties><d:key>User/userId='user1'</d:key><d:status>OK</d:status><d:index>0</d:index>${inline}</m:properties></content></entry><entry><content type="application/xml"><m:properties><d:key>User/userId='user33'</d:key><d:status>OK</d:status><d:index>1</d:index><d:inlineResults m:null="true"/></m:properties></content></entry></feed>`;
    const { result: r } = await upsert(sfsf, sfsfUrl, { format: 'atom' }, seedFile('upsert.xml'), q =>
      q.url.endsWith('/upsert') ? { status: 200, headers: { 'content-type': 'application/atom+xml' }, body } : undefined
    );
    expect(r.status).toBe(1);
    expect([...r.output.matchAll(/<OKEntities[^>]*key="([^"]*)"/g)].map(m => m[1])).toEqual([
      "User/userId='user1'",
      "User/userId='user22'",
      "User/userId='ghost'",
      "User/userId='user33'"
    ]);
    expect(r.output).toMatch(
      /<OKEntities entitySet="User" qualifiedName="SFOData.User" key="User\/userId='ghost'" inlineOf="User\/userId='user1'"\/>/
    );
  });
});

describe('generic Upsert reports editStatus only for what was done', () => {
  const demo = seedFile('odata-demo-v2-cpi.metadata.xml');
  const serviceUrl = 'http://stub.test/svc/';
  // Suppliers(1) exists, Suppliers(2) does not; every write is refused
  const refusing = (r: HttpRequest): HttpResponse | undefined => {
    if (r.method === 'GET') {
      return r.url.includes('Suppliers(1)')
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"d":{"ID":1}}' }
        : {
            status: 404,
            headers: { 'content-type': 'application/json' },
            body: '{"error":{"code":"404","message":{"lang":"en","value":"Not Found"}}}'
          };
    }
    return {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"error":{"code":"BAD","message":{"lang":"en","value":"Refused"}}}'
    };
  };

  it('a failed POST is not reported as INSERTED, nor a failed MERGE as UPDATED', async () => {
    const { result } = await upsert(
      demo,
      serviceUrl,
      { upsertMode: 'generic' },
      '<Suppliers><Supplier><ID>1</ID><Name>A</Name></Supplier><Supplier><ID>2</ID><Name>B</Name></Supplier></Suppliers>',
      refusing
    );
    expect(result.status).toBe(-1);
    expect(result.output.match(/<FailEntities[^>]*>/g)).toEqual([
      '<FailEntities entitySet="Suppliers" qualifiedName="ODataDemo.Supplier" httpStatus="400">',
      '<FailEntities entitySet="Suppliers" qualifiedName="ODataDemo.Supplier" httpStatus="400">'
    ]);
    expect(result.output).not.toContain('editStatus');
  });
});
