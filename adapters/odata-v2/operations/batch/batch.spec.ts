import { createRuntime } from '../../../../src/index';
import type { HttpRequest, HttpResponse } from '../../../../src/sdk';
import { odataV2 } from '../../index';
import { createStubService, seedFile } from '../../testing/stub-service';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const serviceUrl = 'http://stub.test/svc/';

/** Answers a $batch request part by part: each changeset part 204 with its Content-ID echoed, each query part 200. */
function answerEveryPart(request: HttpRequest): HttpResponse | undefined {
  if (!request.url.endsWith('$batch')) return undefined;
  const body = String(request.body);
  const batch = /^--(\S+)/.exec(body)?.[1] ?? '';
  const sections = body.split(`--${batch}`).slice(1, -1);
  const answers = sections.map(section => {
    const changeset = /boundary=(\S+)/.exec(section)?.[1];
    if (changeset === undefined)
      return 'Content-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n1\r\n';
    const ids = [...section.matchAll(/Content-ID: (\S+)/g)].map(m => m[1]);
    return `Content-Type: multipart/mixed; boundary=cs\r\n\r\n${ids.map(id => `--cs\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nContent-ID: ${id}\r\n\r\n\r\n`).join('')}--cs--\r\n`;
  });
  return {
    status: 202,
    headers: { 'content-type': 'multipart/mixed; boundary=rb' },
    body: `${answers.map(a => `--rb\r\n${a}`).join('')}--rb--\r\n`
  };
}

async function runBatch(
  input: string,
  params: Record<string, string> = {},
  answer: (r: HttpRequest) => HttpResponse | undefined = answerEveryPart
) {
  const stub = createStubService(metadata, answer);
  const result = await createRuntime([odataV2], { transport: stub }).invoke({
    connector: 'odata-v2',
    operation: 'Batch',
    params: { serviceUrl, ...params },
    input
  });
  return { result, batches: stub.requests.filter(r => r.url.endsWith('$batch')) };
}

describe('Batch: write parts without a body', () => {
  it.each(['POST', 'PUT', 'MERGE', 'PATCH'])(
    'a %s part with a uri but no entity is refused before anything is sent, naming changeset, part, method and uri',
    async method => {
      const { result, batches } = await runBatch(`<batchParts>
      <batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Category><ID>40</ID></Category></Categories></batchChangeSetPart></batchChangeSet>
      <batchChangeSet>
        <batchChangeSetPart><method>DELETE</method><uri>Products(7)</uri></batchChangeSetPart>
        <batchChangeSetPart><method>${method}</method><uri>Products(1)</uri></batchChangeSetPart>
      </batchChangeSet>
    </batchParts>`);
      expect(result.status).toBe(-1);
      expect(batches).toHaveLength(0);
      expect(result.output).toContain('<Error code="ENVELOPE_INVALID">');
      expect(result.output).toContain(
        `changeset 2, part 2 (batchParts/batchChangeSet[2]/batchChangeSetPart[2]): ${method} Products(1) has no entity body`
      );
    }
  );

  it('a bodiless POST to a function import is still sent (its parameters are in the uri)', async () => {
    const { result, batches } = await runBatch(
      '<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method><uri>GetProductsByRating?rating=4</uri></batchChangeSetPart></batchChangeSet></batchParts>'
    );
    expect(batches).toHaveLength(1);
    expect(result.status).toBe(1);
  });
});

describe('Batch: Content-ID references are scoped to their changeset', () => {
  const twoDeepCreates = `<batchParts>
    <batchChangeSet>
      <batchChangeSetPart><method>POST</method><Categories><Category><ID>41</ID></Category></Categories></batchChangeSetPart>
      <batchChangeSetPart><method>POST</method><uri>$1/Products</uri><Products><Product><ID>4100</ID></Product></Products></batchChangeSetPart>
    </batchChangeSet>
    <batchQueryPart><uri>Categories/$count</uri></batchQueryPart>
    <batchChangeSet>
      <batchChangeSetPart><method>POST</method><Categories><Category><ID>42</ID></Category></Categories></batchChangeSetPart>
      <batchChangeSetPart><method>POST</method><uri>$1/Products</uri><Products><Product><ID>4200</ID></Product></Products></batchChangeSetPart>
    </batchChangeSet>
  </batchParts>`;

  it('$1 in the second changeset is the first part of that changeset: parts are numbered 1, 2, … per changeset', async () => {
    const { result, batches } = await runBatch(twoDeepCreates);
    expect(result.output).not.toContain('<Error');
    expect(result.status).toBe(1);
    const body = String(batches[0]?.body);
    expect([...body.matchAll(/Content-ID: (\S+)\r\n\r\n(\S+ \S+)/g)].map(m => `${m[1]} ${m[2]}`)).toEqual([
      '1 POST Categories',
      '2 POST $1/Products',
      '1 POST Categories',
      '2 POST $1/Products'
    ]);
    expect(result.output.match(/contentId="(\d)"/g)).toEqual([
      'contentId="1"',
      'contentId="2"',
      'contentId="1"',
      'contentId="2"'
    ]);
  });

  it('a reference to a part of another changeset, or to a later part, is refused before sending', async () => {
    const other = await runBatch(
      twoDeepCreates.replace(
        '<uri>$1/Products</uri><Products><Product><ID>4200',
        '<uri>$3/Products</uri><Products><Product><ID>4200'
      )
    );
    expect(other.batches).toHaveLength(0);
    expect(other.result.output).toContain(
      'batchParts/batchChangeSet[2]/batchChangeSetPart[2]/uri: "$3/Products" refers to Content-ID 3, which is not an earlier part of the same changeset (known: 1)'
    );
    const later = await runBatch(
      twoDeepCreates.replace(
        '<uri>$1/Products</uri><Products><Product><ID>4100',
        '<uri>$2/Products</uri><Products><Product><ID>4100'
      )
    );
    expect(later.batches).toHaveLength(0);
    expect(later.result.output).toContain(
      '"$2/Products" refers to Content-ID 2, which is not an earlier part of the same changeset'
    );
  });

  it('a declared Content-ID used twice in one changeset is refused; the same one in two changesets is fine', async () => {
    const part = (id: string, key: number) =>
      `<batchChangeSetPart><method>POST</method><contentId>${id}</contentId><Categories><Category><ID>${key}</ID></Category></Categories></batchChangeSetPart>`;
    const twice = await runBatch(
      `<batchParts><batchChangeSet>${part('c', 43)}${part('c', 44)}</batchChangeSet></batchParts>`
    );
    expect(twice.batches).toHaveLength(0);
    expect(twice.result.output).toContain('the Content-ID "c" is used twice in changeset 1');
    const apart = await runBatch(
      `<batchParts><batchChangeSet>${part('c', 43)}</batchChangeSet><batchChangeSet>${part('c', 44)}</batchChangeSet></batchParts>`
    );
    expect(apart.result.status).toBe(1);
  });
});

describe('Batch: a changeset that failed as a whole', () => {
  const gatewayError = JSON.stringify({
    error: {
      code: 'ZSD/042',
      message: { lang: 'en', value: 'Order blocked' },
      innererror: {
        transactionid: 'T42',
        errordetails: [{ code: 'ZSD/042', message: 'Customer 17 is blocked', target: 'Customer' }]
      }
    }
  });
  const answerWholeFailure =
    (contentId: string | undefined) =>
    (request: HttpRequest): HttpResponse | undefined =>
      request.url.endsWith('$batch')
        ? {
            status: 202,
            headers: { 'content-type': 'multipart/mixed; boundary=rb' },
            body: `--rb\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n--cs\r\nContent-Type: application/http\r\n${contentId === undefined ? '' : `Content-ID: ${contentId}\r\n`}\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n${gatewayError}\r\n--cs--\r\n--rb--\r\n`
          }
        : undefined;
  const input = `<batchParts><batchChangeSet>
    <batchChangeSetPart><method>POST</method><Categories><Category><ID>47</ID></Category></Categories></batchChangeSetPart>
    <batchChangeSetPart><method>MERGE</method><uri>Products(1)</uri><Products><Product><Rating>2</Rating></Product></Products></batchChangeSetPart>
    <batchChangeSetPart><method>DELETE</method><uri>Products(2)</uri></batchChangeSetPart>
  </batchChangeSet></batchParts>`;

  it("names the part the answer's Content-ID points to, and reports the service code, message and errordetails on every part", async () => {
    const { result } = await runBatch(input, {}, answerWholeFailure('2'));
    expect(result.status).toBe(-1);
    const errors = [...result.output.matchAll(/<Error[\s\S]*?<\/Error>/g)].map(m => m[0]);
    expect(errors).toHaveLength(3);
    expect(errors[1]).toContain(
      'Changeset 1 failed at this part (Content-ID 2), so none of its changes was applied; the service answered 400: Order blocked'
    );
    expect(errors[1]).toContain(`<Request method="MERGE" url="${serviceUrl}Products(1)"/>`);
    for (const i of [0, 2])
      expect(errors[i]).toContain(
        `Not applied: changeset 1 failed at part 2 (Content-ID 2, MERGE Products(1)), so the service applied none of its changes; it answered 400: Order blocked`
      );
    for (const error of errors) {
      expect(error).toContain('<ServiceError code="ZSD/042">Order blocked</ServiceError>');
      expect(error).toContain('<Detail name="detail 1">[ZSD/042] Customer 17 is blocked (Customer)</Detail>');
      expect(error).toContain('<Detail name="transactionId">T42</Detail>');
    }
  });

  it('without a Content-ID (or with one of no part) the error is reported on every part as the changeset failing as a whole', async () => {
    for (const id of [undefined, '9']) {
      const { result } = await runBatch(input, {}, answerWholeFailure(id));
      const messages = [...result.output.matchAll(/<Message>([^<]*)<\/Message>/g)].map(m => m[1]);
      expect(messages).toHaveLength(3);
      for (const message of messages)
        expect(message).toMatch(
          /^The changeset failed as a whole: the service answered 400 once for all its parts.*none of its changes was applied: Order blocked$/
        );
      if (id === '9')
        expect(messages[0]).toContain('the answer names Content-ID 9, which is no part of this changeset');
    }
  });
});

describe('Batch: answers are matched to parts by Content-ID', () => {
  it('a changeset answered out of order is mapped back by the Content-IDs the answers carry', async () => {
    const answer = (request: HttpRequest): HttpResponse | undefined => {
      if (!request.url.endsWith('$batch')) return undefined;
      const part = (id: string, status: string, body: string) =>
        `--cs\r\nContent-Type: application/http\r\nContent-ID: ${id}\r\n\r\nHTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
      return {
        status: 202,
        headers: { 'content-type': 'multipart/mixed; boundary=rb' },
        body: `--rb\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n${part('2', '201 Created', '{"d":{"ID":49}}')}${part('1', '201 Created', '{"d":{"ID":48}}')}--cs--\r\n--rb--\r\n`
      };
    };
    const { result } = await runBatch(
      '<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Category><ID>48</ID></Category></Categories></batchChangeSetPart><batchChangeSetPart><method>POST</method><Categories><Category><ID>49</ID></Category></Categories></batchChangeSetPart></batchChangeSet></batchParts>',
      {},
      answer
    );
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /part="1"[^>]*contentId="1"[\s\S]*<ID>48<\/ID>[\s\S]*part="2"[^>]*contentId="2"[\s\S]*<ID>49<\/ID>/
    );
  });
});

describe('Batch: batchMaxBytes is a hard limit on each request body', () => {
  const changeset = (id: number, names: string[]) =>
    `<batchChangeSet>${names.map((name, j) => `<batchChangeSetPart><method>POST</method><Categories><Category><ID>${id + j}</ID><Name>${name}</Name></Category></Categories></batchChangeSetPart>`).join('')}</batchChangeSet>`;
  const input = `<batchParts>${changeset(50, ['a'.repeat(300)])}${changeset(60, ['b'.repeat(100), 'c'.repeat(200)])}<batchQueryPart><uri>Categories/$count</uri></batchQueryPart>${changeset(70, ['d'.repeat(500)])}</batchParts>`;
  const bytes = (r: HttpRequest) => Buffer.byteLength(String(r.body), 'utf8');

  it('splits, in order, so that every request body is at most the limit, and the limit is exact: a batch of exactly that size goes in one', async () => {
    const whole = await runBatch(input);
    const size = bytes(whole.batches[0] as HttpRequest);
    const exact = await runBatch(input, { batchMaxBytes: String(size) });
    expect(exact.batches).toHaveLength(1);
    for (const limit of [size - 1, 1500, 1200]) {
      const split = await runBatch(input, { batchMaxBytes: String(limit) });
      expect(split.result.status).toBe(1);
      expect(split.batches.length).toBeGreaterThan(1);
      for (const request of split.batches) expect(bytes(request)).toBeLessThanOrEqual(limit);
      const placed = [
        ...split.result.output.matchAll(/<batch(?:ChangeSetPart|QueryPart)Response part="(\d+)" request="(\d+)"/g)
      ].map(m => [Number(m[1]), Number(m[2])]);
      expect(placed.map(([part]) => part)).toEqual([1, 2, 3, 4, 5]);
      expect(placed.map(([, request]) => request)).toEqual([...placed.map(([, request]) => request)].sort());
      expect(new Set(placed.map(([, request]) => request)).size).toBe(split.batches.length);
    }
  });

  it('a changeset that alone exceeds the limit is refused before anything is sent, naming it and its size', async () => {
    const { result, batches } = await runBatch(
      `<batchParts>${changeset(50, ['a'])}${changeset(80, ['x'.repeat(700), 'y'.repeat(700)])}</batchParts>`,
      { batchMaxBytes: '1200' }
    );
    expect(batches).toHaveLength(0);
    expect(result.status).toBe(-1);
    expect(result.output).toMatch(
      /batchParts\/batchChangeSet\[2\] \(changeset 2, 2 parts\) needs a \$batch request body of \d{4} bytes, more than batchMaxBytes=1200; a changeset is atomic and is never split/
    );
  });
});

describe('Batch: answers that do not line up with the parts', () => {
  const multipart = (items: string[]) => ({
    status: 202,
    headers: { 'content-type': 'multipart/mixed; boundary=rb' },
    body: `${items.map(i => `--rb\r\n${i}`).join('')}--rb--\r\n`
  });
  const http = (status: string, body = '', contentId?: string) =>
    `Content-Type: application/http\r\n${contentId === undefined ? '' : `Content-ID: ${contentId}\r\n`}\r\nHTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
  const changeset = (...parts: string[]) =>
    `Content-Type: multipart/mixed; boundary=cs\r\n\r\n${parts.map(p => `--cs\r\n${p}`).join('')}--cs--\r\n`;
  const post = (id: number) =>
    `<batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Category><ID>${id}</ID></Category></Categories></batchChangeSetPart></batchChangeSet>`;
  const input = `<batchParts>${post(90)}${post(91)}<batchQueryPart><uri>Categories/$count</uri></batchQueryPart></batchParts>`;

  it('a service that stops after a failure: the later parts are reported as not processed because of that part', async () => {
    const stopped = () =>
      multipart([
        http('201 Created', '{"d":{"ID":90}}'),
        http('409 Conflict', '{"error":{"code":"409","message":{"value":"Entity already exists"}}}')
      ]);
    const { result } = await runBatch(input, {}, r => (r.url.endsWith('$batch') ? stopped() : undefined));
    expect(result.status).toBe(-1);
    expect(result.output).toMatch(/part="1"[^>]*>\s*<statusCode>201/);
    expect(result.output).toMatch(/part="2"[^>]*>\s*<statusCode>409[\s\S]*Entity already exists/);
    expect(result.output).toContain(
      'batchParts/batchQueryPart[1]: not processed: the service stopped after the failure of part 2 (POST Categories) and answered no later part'
    );
  });

  it('a changeset whose parts failed individually: each part reports its own answer', async () => {
    const two = `<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Category><ID>92</ID></Category></Categories></batchChangeSetPart><batchChangeSetPart><method>DELETE</method><uri>Products(99)</uri></batchChangeSetPart></batchChangeSet></batchParts>`;
    const answers = () =>
      multipart([
        changeset(
          http('201 Created', '{"d":{"ID":92}}', '1'),
          http('404 Not Found', '{"error":{"code":"404","message":{"value":"Products(99) not found"}}}', '2')
        )
      ]);
    const { result } = await runBatch(two, {}, r => (r.url.endsWith('$batch') ? answers() : undefined));
    expect(result.status).toBe(-1);
    expect(result.output).toMatch(/part="1"[^>]*>\s*<statusCode>201[\s\S]*<ID>92<\/ID>/);
    expect(result.output).toMatch(/part="2"[^>]*>\s*<statusCode>404[\s\S]*Products\(99\) not found/);
    expect(result.output).not.toContain('Not applied');
  });

  it('answers beyond the requested parts are reported with what they said (status -1), not dropped', async () => {
    const extra = () =>
      multipart([
        changeset(http('201 Created', '{"d":{"ID":90}}', '1'), http('204 No Content', '', '7')),
        http('201 Created', '{"d":{"ID":91}}'),
        http('200 OK', '3'),
        http('400 Bad Request', '{"error":{"code":"X","message":{"value":"Surprise"}}}')
      ]);
    const { result } = await runBatch(input, {}, r => (r.url.endsWith('$batch') ? extra() : undefined));
    expect(result.status).toBe(-1);
    expect(result.output).toMatch(/part="3"[^>]*>\s*<statusCode>200/);
    const unrequested = [...result.output.matchAll(/<unrequestedResponse[\s\S]*?<\/unrequestedResponse>/g)].map(
      m => m[0]
    );
    expect(unrequested).toHaveLength(2);
    expect(unrequested[0]).toMatch(
      /^<unrequestedResponse request="1" position="changeset 1, answer 2" contentId="7">\s*<statusCode>204<\/statusCode>/
    );
    expect(unrequested[0]).toContain(
      'The $batch response 1 has an answer (changeset 1, answer 2, 204 No Content) for no requested part: 1 part was requested in it'
    );
    expect(unrequested[1]).toContain('position="item 4"');
    expect(unrequested[1]).toContain('<rawBody>{"error":{"code":"X","message":{"value":"Surprise"}}}</rawBody>');
    expect(unrequested[1]).toContain('this request held 3 items');
  });

  it('a query part answered with two responses: the second is reported where it sat', async () => {
    const answer = () =>
      multipart([
        changeset(http('201 Created', '{"d":{"ID":90}}', '1')),
        changeset(http('201 Created', '{"d":{"ID":91}}', '1')),
        changeset(http('200 OK', '3'), http('200 OK', '4'))
      ]);
    const { result } = await runBatch(input, {}, r => (r.url.endsWith('$batch') ? answer() : undefined));
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<unrequestedResponse request="1" position="query part 3, answer 2">');
  });
});

describe('Batch: ETags', () => {
  it('a PUT, MERGE or DELETE part whose entity carries an etag sends it as If-Match inside its part; a POST does not', async () => {
    const part = (method: string, uri: string) =>
      `<batchChangeSetPart><method>${method}</method><uri>${uri}</uri><Suppliers><Supplier etag='W/"5"'><ID>1</ID><Name>N</Name></Supplier></Suppliers></batchChangeSetPart>`;
    const { batches } = await runBatch(
      `<batchParts><batchChangeSet>${part('PUT', 'Suppliers(1)')}${part('MERGE', 'Suppliers(1)')}${part('DELETE', 'Suppliers(1)')}${part('POST', 'Suppliers')}</batchChangeSet></batchParts>`
    );
    const parts = String(batches[0]?.body)
      .split(/\r\n(?=(?:PUT|MERGE|DELETE|POST) )/)
      .slice(1);
    expect(parts.map(p => `${p.split(' ')[0] ?? ''} ${/\r\nif-match: (\S+)/.exec(p)?.[1] ?? '(none)'}`)).toEqual([
      'PUT W/"5"',
      'MERGE W/"5"',
      'DELETE W/"5"',
      'POST (none)'
    ]);
  });
});

describe('Batch: part headers from the envelope', () => {
  const withHeaders = (headers: string) =>
    `<batchParts><batchChangeSet><batchChangeSetPart><method>DELETE</method><uri>Products(3)</uri><headers>${headers}</headers></batchChangeSetPart></batchChangeSet></batchParts>`;

  it('go into their part; the empty <header> of the seed template is skipped', async () => {
    const { result, batches } = await runBatch(
      withHeaders(
        '<header><headerName>If-Match</headerName><headerValue>*</headerValue></header><header><headerName/><headerValue/></header><header><headerName>sap-message-scope</headerName><headerValue>BusinessObject</headerValue></header>'
      )
    );
    expect(result.status).toBe(1);
    expect(String(batches[0]?.body)).toMatch(
      /DELETE Products\(3\) HTTP\/1\.1\r\n(?:[^\r]*\r\n)*?if-match: \*\r\nsap-message-scope: BusinessObject\r\n/
    );
  });

  it('a value without a name is refused naming the header, nothing sent', async () => {
    const { result, batches } = await runBatch(
      withHeaders('<header><headerName/><headerValue>*</headerValue></header>')
    );
    expect(batches).toHaveLength(0);
    expect(result.output).toContain(
      'batchParts/batchChangeSet[1]/batchChangeSetPart[1]/headers/header[1]: &lt;headerName&gt; is missing for the value "*"'
    );
  });
});

describe('Batch: query options of parts are checked like a Read', () => {
  it.each([
    [
      '<batchQueryPart><uri>Products?$select=ID&amp;$orderby=Nmae desc</uri></batchQueryPart>',
      'batchParts/batchQueryPart[1]/uri: $orderby=Nmae: ODataDemo.Product has no property "Nmae"'
    ],
    [
      '<batchQueryPart><uri>Categories(1)/Products?$expand=Supplier/Prodcts</uri></batchQueryPart>',
      'batchParts/batchQueryPart[1]/uri: $expand=Supplier/Prodcts: ODataDemo.Supplier has no navigation property "Prodcts"'
    ],
    [
      '<batchQueryPart><uri>GetProductsByRating?rating=4&amp;$select=Ratin</uri></batchQueryPart>',
      'batchParts/batchQueryPart[1]/uri: $select=Ratin: ODataDemo.Product has no property or navigation property "Ratin"'
    ]
  ])('%s → MODEL_MISMATCH naming the part, nothing sent', async (part, message) => {
    const { result, batches } = await runBatch(`<batchParts>${part}</batchParts>`);
    expect(batches).toHaveLength(0);
    expect(result.output).toContain('<Error code="MODEL_MISMATCH">');
    expect(result.output).toContain(message);
  });
});
