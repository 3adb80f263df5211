import { createRuntime } from '../../src/index';
import { ConnectorError } from '../../src/sdk';
import { odataV4 } from './index';
import { SEED_QUERY_OPTIONS } from './testing/seed-samples';
import { json, scriptedRuntime, SERVICE } from './testing/scripted-runtime';

const invoke = (
  runtime: ReturnType<typeof scriptedRuntime>['runtime'],
  operation: string,
  params: Record<string, string>,
  input?: string
) =>
  runtime.invoke({
    connector: 'odata-v4',
    operation,
    params: { serviceUrl: SERVICE, ...params },
    ...(input === undefined ? {} : { input })
  });

const ENTITY = (props: string, set = 'Products') => `<Request><Entity entitySet="${set}">${props}</Entity></Request>`;

describe('odata-v4 connector: bad input is answered with status -1 naming the problem', () => {
  const { runtime, requests } = scriptedRuntime(() => json(200, {}));
  beforeEach(() => (requests.length = 0));

  it.each([
    ['malformed XML', 'CreateEntity', {}, '<Request><Entity>', 'ENVELOPE_INVALID', 'not well-formed XML'],
    [
      'wrong root element',
      'CreateEntity',
      {},
      '<Envelope/>',
      'ENVELOPE_INVALID',
      'root element is <Envelope>; expected <Request>'
    ],
    ['unknown operation', 'ReadEverything', {}, undefined, 'OPERATION_UNKNOWN', 'has no operation "ReadEverything"'],
    [
      'missing serviceUrl',
      'ReadCollections',
      { serviceUrl: '' },
      undefined,
      'PARAMETER_MISSING',
      'Missing required parameter "serviceUrl"'
    ],
    [
      'missing entityId',
      'ReadSingleEntity',
      { entitySet: 'Products' },
      undefined,
      'PARAMETER_MISSING',
      'ReadSingleEntity needs the parameter "entityId"'
    ],
    [
      'unknown parameter',
      'ReadCollections',
      { entitySett: 'x' },
      undefined,
      'PARAMETER_INVALID',
      'Unknown parameter "entitySett"'
    ],
    ['bad timeout', 'ReadCollections', { timeoutMs: 'soon' }, undefined, 'PARAMETER_INVALID', 'timeoutMs'],
    ['missing envelope', 'ExecuteFunction', {}, undefined, 'ENVELOPE_INVALID', 'needs an input envelope']
  ])('%s', async (_what, operation, params, input, code, message) => {
    const result = await invoke(runtime, operation, params as Record<string, string>, input);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(`code="${code}"`);
    expect(result.output).toContain(message.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it.each([
    [
      'unknown entity set',
      ENTITY('<Property name="ID" value="1"/>', 'Produkte'),
      'MODEL_MISMATCH',
      'no entity set "Produkte"'
    ],
    [
      'unknown property',
      ENTITY('<Property name="ID" value="1"/><Property name="Colour" value="red"/>'),
      'MODEL_MISMATCH',
      'has no property "Colour"'
    ],
    [
      'value not fitting its Edm type',
      ENTITY('<Property name="ID" value="one"/>'),
      'VALUE_INVALID',
      '"one" is not a valid Edm.Int32'
    ],
    [
      'a Name over its MaxLength',
      ENTITY(`<Property name="ID" value="1"/><Property name="Name" value="${'x'.repeat(101)}"/>`),
      'VALUE_INVALID',
      'the value of Name (Edm.String) is 101 characters long; MaxLength is 100'
    ],
    [
      'a Price beyond its Scale',
      ENTITY('<Property name="ID" value="1"/><Property name="Name" value="a"/><Property name="Price" value="9.999"/>'),
      'VALUE_INVALID',
      'has 3 digits after the decimal point; Scale is 2'
    ],
    [
      'type attribute contradicting $metadata',
      ENTITY(
        '<Property name="ID" value="1" type="Int32"/><Property name="Name" value="a"/><Property name="Price" value="1.5" type="Boolean"/>'
      ),
      'MODEL_MISMATCH',
      'type="Boolean" does not fit Price, which $metadata declares as Edm.Decimal'
    ],
    [
      'bad second entity (nothing is sent for the first)',
      `<Request><Entity entitySet="Products"><Property name="ID" value="1"/><Property name="Name" value="a"/></Entity><Entity entitySet="Products"><Property name="Price" value="1,5"/></Entity></Request>`,
      'VALUE_INVALID',
      'Edm.Decimal'
    ]
  ])('%s: status -1 and no write request', async (_what, input, code, message) => {
    const result = await invoke(runtime, 'CreateEntity', {}, input);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(`code="${code}"`);
    expect(result.output).toContain(message);
    expect(requests.filter(r => r.method !== 'GET')).toEqual([]); // at most $metadata was read
  });
});

describe('odata-v4 connector: service failures', () => {
  it.each([
    [401, { status: 401, headers: { 'www-authenticate': 'Basic' }, body: 'Unauthorized' }, 'authentication failed'],
    [404, json(404, { error: { code: '404', message: 'Not Found' } }), 'not found'],
    [500, json(500, { error: { code: 'DB_DOWN', message: 'database is down', details: [] } }), 'DB_DOWN']
  ])('HTTP %i on a read becomes HTTP_STATUS with the service code and message', async (status, response, text) => {
    const { runtime } = scriptedRuntime(() => response);
    const result = await invoke(runtime, 'ReadSingleEntity', { entitySet: 'Products', entityId: '1' });
    expect(result.status).toBe(-1);
    expect(result.output).toContain(`<Error code="HTTP_STATUS" httpStatus="${status}">`);
    expect(result.output).toContain(text);
  });

  it.each([
    ['TIMEOUT', 'got no answer within 50 ms'],
    ['TRANSPORT', 'failed: ECONNREFUSED']
  ] as const)('%s during a write is reported per entity', async (code, message) => {
    const { runtime, requests } = scriptedRuntime(r => new ConnectorError(code, `${r.method} ${r.url} ${message}`));
    const two = `<Request><Entity entitySet="Products"><Property name="ID" value="1"/><Property name="Name" value="a"/></Entity><Entity entitySet="Products"><Property name="ID" value="2"/><Property name="Name" value="b"/></Entity></Request>`;
    const result = await invoke(runtime, 'CreateEntity', {}, two);
    expect(result.status).toBe(-1);
    expect(result.output.match(/<FailEntities/g)).toHaveLength(2);
    expect(result.output).toContain(message);
    expect(result.output).toContain('Not sent: an earlier request failed');
    expect(requests.filter(r => r.method === 'POST')).toHaveLength(1);
  });

  it('a 412 on update keeps the sent properties and names the ETag problem', async () => {
    const { runtime, requests } = scriptedRuntime(() =>
      json(412, { error: { code: '412', message: 'Precondition Failed' } })
    );
    const result = await invoke(
      runtime,
      'UpdateEntity',
      { etag: 'W/"3"' },
      ENTITY('<Property name="ID" value="0" isId="true"/><Property name="Name" value="x"/>', 'Suppliers')
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<Property isId="true" type="Int32" value="0" name="ID"/>');
    expect(result.output).toContain('precondition failed: the ETag in If-Match no longer matches');
    expect(requests[1]).toMatchObject({
      method: 'PATCH',
      url: `${SERVICE}Suppliers(0)`,
      headers: expect.objectContaining({ 'if-match': 'W/"3"' }),
      body: '{"Name":"x"}'
    });
  });

  it('a @odata.nextLink that repeats ends the read after two pages, naming the link', async () => {
    const page = (n: number, next: string) => json(200, { value: [{ ID: n, Name: `p${n}` }], '@odata.nextLink': next });
    const { runtime, requests } = scriptedRuntime(r =>
      r.url.includes('skiptoken') ? page(2, `${SERVICE}Products`) : page(1, `${SERVICE}Products?$skiptoken=2`)
    );
    const result = await invoke(runtime, 'ReadEntitySet', { entitySet: 'Products' });
    expect(result.status).toBe(-1);
    expect(result.output).toContain(`Paging does not end: ${SERVICE}Products was already read`);
    expect(requests.filter(r => r.url.startsWith(`${SERVICE}Products`))).toHaveLength(2);
  });

  it('a lone surrogate in a key or a query option is PARAMETER_INVALID, nothing sent', async () => {
    const { runtime, requests } = scriptedRuntime(() => json(200, {}));
    const key = await invoke(runtime, 'ReadSingleEntity', { entitySet: 'Products', entityId: '\uD800' });
    expect(key.output).toContain('code="PARAMETER_INVALID"');
    expect(key.output).toContain('lone surrogate U+D800');
    const query =
      '<Request><QueryOptions entitySet="Products"><Filter>Name eq \'\uDC00\'</Filter></QueryOptions></Request>';
    const filtered = await invoke(runtime, 'ReadEntitySet', {}, query);
    expect(filtered.output).toContain('code="ENVELOPE_INVALID"');
    expect(requests).toEqual([]);
  });

  it('a $metadata document that is not XML fails ReadMetadata as RESPONSE_INVALID, not as a bad envelope', async () => {
    const { runtime } = scriptedRuntime(() => json(200, {}));
    const broken = createRuntime([odataV4], {
      transport: {
        send: async () => ({ status: 200, headers: { 'content-type': 'application/xml' }, body: '<edmx:Edmx' })
      }
    });
    const result = await invoke(broken, 'ReadMetadata', {});
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="RESPONSE_INVALID"');
    expect(result.output).toContain(`The $metadata document of ${SERVICE}$metadata is not XML`);
    expect((await invoke(runtime, 'ReadMetadata', {})).status).toBe(1);
  });

  it('a body nested thousands deep is RESPONSE_INVALID, one nested as deep as allowed is written out', async () => {
    const nested = (depth: number) => `{"ID":1,"Name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deep = scriptedRuntime(() => ({ status: 200, headers: {}, body: nested(5000) }));
    const refused = await invoke(deep.runtime, 'ReadSingleton', { singletonId: 'Info' });
    expect(refused.status).toBe(-1);
    expect(refused.output).toContain('code="RESPONSE_INVALID"');
    expect(refused.output).toContain('nested deeper than 1000 levels');
    const allowed = scriptedRuntime(() => ({ status: 200, headers: {}, body: nested(998) }));
    expect((await invoke(allowed.runtime, 'ReadSingleton', { singletonId: 'Info' })).status).toBe(1);
  });

  it('a member named __proto__ in an answer is kept', async () => {
    const { runtime } = scriptedRuntime(() => json(200, '{"ID":1,"__proto__":"x"}'));
    const result = await invoke(runtime, 'ReadSingleton', { singletonId: 'Info' });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /name="__proto__"[^>]*>x<|value="x"[^>]*name="__proto__"|name="__proto__"[^>]*value="x"/
    );
  });

  it('an undecodable body becomes RESPONSE_INVALID', async () => {
    const { runtime } = scriptedRuntime(() => ({ status: 200, headers: {}, body: '<html>login</html>' }));
    const result = await invoke(runtime, 'ReadSingleton', { singletonId: 'Info' });
    expect(result.output).toContain('code="RESPONSE_INVALID"');
  });
});

describe('odata-v4 connector: requests', () => {
  it('ReadEntitySet sends the seed options in order, with the IEEE754 Accept, and keeps Int64 exact without it', async () => {
    const { runtime, requests } = scriptedRuntime(() =>
      json(200, '{"@odata.context":"$metadata#AllTypes","@odata.count":2,"value":[{"ID":1,"I64":9007199254740993}]}')
    );
    const result = await invoke(runtime, 'ReadEntitySet', {}, SEED_QUERY_OPTIONS.replace('"Products"', '"AllTypes"'));
    expect(requests[1]?.url).toBe(
      `${SERVICE}AllTypes?$filter=ID%20le%2010&$search=Ergo&$select=ID,Description&$expand=Category&$skip=5&$top=10&$count=true`
    );
    expect(requests[1]?.headers?.['accept']).toBe('application/json;odata.metadata=minimal;IEEE754Compatible=true');
    expect(result.output).toContain('<Value type="Number" name="I64">9007199254740993</Value>');
    expect(result.output).toContain('<Value type="Number" name="@odata.count">2</Value>');
  });

  it('ReadEntitySet asks Set/$count when count is requested and the service leaves @odata.count out', async () => {
    const { runtime, requests } = scriptedRuntime(r =>
      r.url.includes('/$count') ? { status: 200, headers: {}, body: '12' } : json(200, { value: [] })
    );
    const result = await invoke(
      runtime,
      'ReadEntitySet',
      { entitySet: 'Products' },
      '<QueryOptions><Parameter name="count"/><Parameter name="top" value="1"/><Parameter name="filter" value="ID gt 1"/></QueryOptions>'
    );
    expect(requests[2]?.url).toBe(`${SERVICE}Products/$count?$filter=ID%20gt%201`);
    expect(result.output).toContain('<Value type="Number" name="@odata.count">12</Value>');
  });

  it('ReadNavigationEntity (to-many) asks Set(key)/Nav/$count the same way', async () => {
    const { runtime, requests } = scriptedRuntime(r =>
      r.url.includes('/$count') ? { status: 200, headers: {}, body: '4' } : json(200, { value: [] })
    );
    const result = await invoke(
      runtime,
      'ReadNavigationEntity',
      { entitySet: 'Categories', entityId: '1', navigationProperty: 'Products' },
      '<QueryOptions><Parameter name="count" value="true"/></QueryOptions>'
    );
    expect(requests.map(r => r.url)).toContain(`${SERVICE}Categories(1)/Products/$count`);
    expect(result.output).toContain('<Value type="Number" name="@odata.count">4</Value>');
  });

  it('a $count answer that is not a number fails the read, naming it', async () => {
    const { runtime } = scriptedRuntime(r =>
      r.url.includes('/$count') ? { status: 200, headers: {}, body: '<html>login</html>' } : json(200, { value: [] })
    );
    const result = await invoke(
      runtime,
      'ReadEntitySet',
      { entitySet: 'Products' },
      '<QueryOptions><Parameter name="count"/></QueryOptions>'
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain(
      `GET ${SERVICE}Products/$count answered "&lt;html&gt;login&lt;/html&gt;", not a count`
    );
  });

  it('ExecuteFunction: function via GET with inline typed parameters, action via POST with a JSON body', async () => {
    const { runtime, requests } = scriptedRuntime(r =>
      r.method === 'GET' ? json(200, { value: [] }) : json(200, { value: 3 })
    );
    await invoke(
      runtime,
      'ExecuteFunction',
      {},
      '<Request><Function name="CountCategories"><Parameter name="Amount" value="2"/></Function></Request>'
    );
    await invoke(
      runtime,
      'ExecuteFunction',
      {},
      '<Request><Function name="Reset"><Parameter name="Amount" value="3"/></Function></Request>'
    );
    await invoke(
      runtime,
      'ExecuteFunction',
      { entitySet: 'Products', entityId: '1' },
      '<Function name="PriceWithTax"><Parameter name="Rate" value="19.5"/></Function>'
    );
    expect(requests.map(r => `${r.method} ${r.url} ${String(r.body ?? '')}`)).toEqual([
      `GET ${SERVICE}$metadata `,
      `GET ${SERVICE}CountCategories(Amount=2) `,
      `POST ${SERVICE}Reset {"Amount":3}`,
      `GET ${SERVICE}Products(1)/ODataDemo.PriceWithTax(Rate=19.5) `
    ]);
  });

  it.each([
    ['<Function name="Nope"/>', {}, 'no function or action import "Nope"'],
    ['<Function name="PriceWithTax"/>', {}, '"PriceWithTax" is bound: pass entitySet'],
    ['<Function name="CountCategories"><Parameter name="Amt" value="1"/></Function>', {}, 'has no parameter "Amt"'],
    [
      '<Function name="CountCategories"><Parameter name="Amount" value="two"/></Function>',
      {},
      '"two" is not a valid Edm.Int32'
    ]
  ])('ExecuteFunction %s fails before sending', async (input, params, message) => {
    const { runtime, requests } = scriptedRuntime(() => json(200, {}));
    const result = await invoke(runtime, 'ExecuteFunction', params, input);
    expect(result.status).toBe(-1);
    expect(result.output).toContain(message);
    expect(requests).toHaveLength(1);
  });

  it('UpdateEntity with updateMethod=PUT replaces; the key comes from entityId when no isId is given', async () => {
    const { runtime, requests } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const result = await invoke(
      runtime,
      'UpdateEntity',
      { updateMethod: 'PUT', entityId: "o'neil" },
      ENTITY('<Property name="FirstName" value="O"/>', 'People')
    );
    expect(result.status).toBe(1);
    expect(requests[1]).toMatchObject({ method: 'PUT', url: `${SERVICE}People('o''neil')`, body: '{"FirstName":"O"}' });
    expect(result.output).toContain('<Property isId="true" type="String" value="o\'neil" name="UserName"/>');
  });

  it('UpdateMediaEntity PUTs the decoded bytes to the stream property', async () => {
    const { runtime, requests } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const id = 'f89dee73-af9f-4cd4-b330-db93c25ff3c7';
    const result = await invoke(
      runtime,
      'UpdateMediaEntity',
      { entitySet: 'Advertisements', entityId: id },
      '<Request><Media contentType="image/png" encoding="base64">iVBO Rw0K</Media></Request>'
    );
    expect(result.status).toBe(1);
    expect(requests[1]).toMatchObject({
      method: 'PUT',
      url: `${SERVICE}Advertisements(${id})/Media`,
      headers: expect.objectContaining({ 'content-type': 'image/png' })
    });
    expect(Buffer.from(requests[1]?.body as Uint8Array).toString('hex')).toBe('89504e470d0a');
  });

  it('$metadata is fetched once per service URL', async () => {
    const { runtime, requests } = scriptedRuntime(() => json(200, { ID: 1 }));
    await invoke(runtime, 'ReadSingleton', { singletonId: 'Info' });
    await invoke(runtime, 'ReadSingleton', { singletonId: 'Info' });
    expect(requests.filter(r => r.url.endsWith('$metadata'))).toHaveLength(1);
  });
});

describe('odata-v4 connector: envelope etag="auto"', () => {
  it('reads the current ETag first instead of sending If-Match: auto', async () => {
    const { runtime, requests } = scriptedRuntime(r =>
      r.method === 'GET' ? json(200, { '@odata.etag': 'W/"7"', ID: 0 }) : json(200, { ID: 0, Name: 'x' })
    );
    const result = await invoke(
      runtime,
      'UpdateEntity',
      { etag: 'W/"1"' },
      '<Request><Entity entitySet="Suppliers" etag="auto"><Property name="ID" value="0" isId="true"/><Property name="Name" value="x"/></Entity></Request>'
    );
    expect(result.status).toBe(1);
    const patch = requests.find(r => r.method === 'PATCH');
    expect(patch?.headers?.['if-match']).toBe('W/"7"');
    expect(requests.some(r => r.method === 'GET' && r.url === `${SERVICE}Suppliers(0)`)).toBe(true);
  });
});

describe('odata-v4 connector: DeleteEntity checks its envelope against $metadata', () => {
  it.each([
    ['unknown property', '<Property name="Colour" value="red"/>', 'MODEL_MISMATCH', 'has no property "Colour"'],
    ['ill-typed value', '<Property name="Price" value="abc"/>', 'VALUE_INVALID', '"abc" is not a valid Edm.Decimal']
  ])('%s: status -1 and no DELETE', async (_what, extra, code, message) => {
    const { runtime, requests } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const result = await invoke(
      runtime,
      'DeleteEntity',
      {},
      ENTITY(`<Property name="ID" value="1" isId="true"/>${extra}`)
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain(`code="${code}"`);
    expect(result.output).toContain(message);
    expect(requests.filter(r => r.method !== 'GET')).toEqual([]);
  });

  it('a valid envelope is deleted', async () => {
    const { runtime, requests } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const result = await invoke(
      runtime,
      'DeleteEntity',
      {},
      ENTITY('<Property name="ID" value="1" isId="true"/><Property name="Name" value="a"/>')
    );
    expect(result.status).toBe(1);
    expect(requests.filter(r => r.method === 'DELETE').map(r => r.url)).toEqual([`${SERVICE}Products(1)`]);
  });
});

describe('odata-v4 connector: a 204 No Content on a single read is a null', () => {
  it.each([
    ['ReadSingleton', { singletonId: 'Info' }],
    ['ReadSingleEntity', { entitySet: 'Products', entityId: '1' }],
    ['ReadNavigationEntity', { entitySet: 'Products', entityId: '1', navigationProperty: 'Category' }],
    ['ReadAssociation', { entitySet: 'Products', entityId: '1', association: 'Category' }]
  ])('%s answers status 1 with an empty <Object/>', async (operation, params) => {
    const { runtime } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const result = await invoke(runtime, operation, params);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/<Object\/>/);
  });
});

describe('odata-v4 connector: single reads refuse query options they cannot send', () => {
  it.each([
    ['ReadSingleEntity', { entitySet: 'Products', entityId: '1' }, 'filter', 'ID gt 1'],
    ['ReadSingleEntity', { entitySet: 'Products', entityId: '1' }, 'top', '2'],
    ['ReadSingleton', { singletonId: 'Info' }, 'top', '2'],
    ['ReadSingleton', { singletonId: 'Info' }, 'orderby', 'ID']
  ])('%s with $%s: ENVELOPE_INVALID, nothing read', async (operation, params, option, value) => {
    const { runtime, requests } = scriptedRuntime(() => json(200, { ID: 1 }));
    const result = await invoke(
      runtime,
      operation,
      params,
      `<QueryOptions><Parameter name="select" value="ID"/><Parameter name="${option}" value="${value}"/></QueryOptions>`
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="ENVELOPE_INVALID"');
    expect(result.output).toContain(`$${option} does not apply to a single-entity read`);
    expect(requests.filter(r => !r.url.endsWith('$metadata'))).toEqual([]);
  });

  it('$select and $expand are still sent', async () => {
    const { runtime, requests } = scriptedRuntime(() => json(200, { ID: 1 }));
    const result = await invoke(
      runtime,
      'ReadSingleEntity',
      { entitySet: 'Products', entityId: '1' },
      '<QueryOptions><Parameter name="select" value="ID"/></QueryOptions>'
    );
    expect(result.status).toBe(1);
    expect(requests.at(-1)?.url).toBe(`${SERVICE}Products(1)?$select=ID`);
  });
});
