import { ConnectorError } from '../../src/sdk';
import { json, scriptedRuntime, SERVICE } from './testing/scripted-runtime';

const ID = 'f89dee73-af9f-4cd4-b330-db93c25ff3c7';
const CREATED = {
  '@odata.context': '$metadata#Advertisements/$entity',
  ID,
  Name: 'New ad',
  AirDate: null,
  MediaType: null
};

describe('odata-v4 connector: CreateMediaEntity of a type with a stream property (POST, then PUT the bytes)', () => {
  const input =
    '<Request><Entity><Property name="Name" value="New ad"/></Entity><Media contentType="image/png">iVBORw0K</Media></Request>';

  it('reports the entity as it is after the upload (the service sets MediaType from it), not as the POST left it', async () => {
    const { runtime, requests } = scriptedRuntime(r =>
      r.method === 'POST'
        ? json(201, CREATED)
        : r.method === 'PUT'
          ? { status: 204, headers: {}, body: '' }
          : json(200, { ...CREATED, MediaType: 'image/png', '@odata.etag': 'W/"2"' })
    );
    const result = await runtime.invoke({
      connector: 'odata-v4',
      operation: 'CreateMediaEntity',
      params: { serviceUrl: SERVICE, entitySet: 'Advertisements' },
      input
    });
    expect(result.status).toBe(1);
    expect(requests.map(r => `${r.method} ${r.url.slice(SERVICE.length)}`)).toEqual([
      'GET $metadata',
      'POST Advertisements',
      `PUT Advertisements(${ID})/Media`,
      `GET Advertisements(${ID})`
    ]);
    expect(result.output).toContain(
      '<OKEntities entitySet="Advertisements" qualifiedName="ODataDemo.Advertisements" etag="W/&quot;2&quot;">'
    );
    expect(result.output).toContain('<Property type="String" value="image/png" name="MediaType"/>');
  });

  it.each([
    ['answers 503', json(503, { error: { code: '503', message: 'busy' } })],
    ['times out', new ConnectorError('TIMEOUT', 'GET … got no answer within 50 ms')]
  ])(
    'still answers status 1 with the entity as created when that read %s (the upload was done)',
    async (_what, answer) => {
      const { runtime } = scriptedRuntime(r =>
        r.method === 'POST' ? json(201, CREATED) : r.method === 'PUT' ? { status: 204, headers: {}, body: '' } : answer
      );
      const result = await runtime.invoke({
        connector: 'odata-v4',
        operation: 'CreateMediaEntity',
        params: { serviceUrl: SERVICE, entitySet: 'Advertisements' },
        input
      });
      expect(result.status).toBe(1);
      expect(result.output).toContain('<Property type="String" value="New ad" name="Name"/>');
    }
  );
});

describe('odata-v4 connector: media envelopes', () => {
  // only the first <Media> was uploaded; the second was silently dropped
  it.each(['CreateMediaEntity', 'UpdateMediaEntity'])(
    '%s refuses two <Media> before anything is sent',
    async operation => {
      const { runtime, requests } = scriptedRuntime(() => json(201, CREATED));
      const input =
        '<Request><Media contentType="text/plain" encoding="text">one</Media><Media contentType="text/plain" encoding="text">two</Media></Request>';
      const result = await runtime.invoke({
        connector: 'odata-v4',
        operation,
        params: { serviceUrl: SERVICE, entitySet: 'Advertisements', entityId: ID },
        input
      });
      expect(result.status).toBe(-1);
      expect(result.output).toContain('&lt;Request&gt; of a media operation holds one &lt;Media&gt;, found 2');
      expect(requests.filter(r => r.method !== 'GET')).toEqual([]);
    }
  );

  // the message named 201 whatever the service answered
  it('names the status the service answered when the created entity is not JSON', async () => {
    const { runtime } = scriptedRuntime(r =>
      r.method === 'POST' ? { status: 200, headers: {}, body: 'created' } : json(200, CREATED)
    );
    const input =
      '<Request><Entity><Property name="Name" value="New ad"/></Entity><Media contentType="image/png">iVBORw0K</Media></Request>';
    const result = await runtime.invoke({
      connector: 'odata-v4',
      operation: 'CreateMediaEntity',
      params: { serviceUrl: SERVICE, entitySet: 'Advertisements' },
      input
    });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('answered 200 with a body that is not OData JSON');
  });
});

describe('odata-v4 connector: ReadMediaEntity', () => {
  it('of an entity without media (204) answers an empty <Media> without a made-up contentType', async () => {
    const { runtime } = scriptedRuntime(() => ({ status: 204, headers: {}, body: '' }));
    const result = await runtime.invoke({
      connector: 'odata-v4',
      operation: 'ReadMediaEntity',
      params: { serviceUrl: SERVICE, entitySet: 'Advertisements', entityId: ID }
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('<Media encoding="base64" length="0"/>');
  });
});
