import { json, scriptedRuntime, SERVICE } from './testing/scripted-runtime';

/** Where the same thing can be said twice (a parameter and the envelope), two different answers are refused, not one ignored. */
describe('odata-v4 connector: a parameter and the envelope that disagree', () => {
  const { runtime, requests } = scriptedRuntime(r =>
    r.method === 'GET' ? json(200, { ID: 1 }) : { status: 204, headers: {}, body: '' }
  );
  const invoke = (operation: string, params: Record<string, string>, input?: string) =>
    runtime.invoke({
      connector: 'odata-v4',
      operation,
      params: { serviceUrl: SERVICE, ...params },
      ...(input === undefined ? {} : { input })
    });
  const writes = () => requests.filter(r => r.method !== 'GET');
  beforeEach(() => (requests.length = 0));

  it.each([
    ['UpdateEntity', '1', 'Products(2)'],
    ['DeleteEntity', '1', 'Products(2)']
  ])('%s: entityId=2 and isId ID=1 is refused before sending', async (operation, id) => {
    const result = await invoke(
      operation,
      { entityId: '2' },
      `<Request><Entity entitySet="Products"><Property name="ID" value="${id}" isId="true"/><Property name="Name" value="x"/></Entity></Request>`
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="PARAMETER_INVALID"');
    expect(result.output).toContain(
      'Entity[1]: the isId properties address Products(1), the parameter entityId addresses Products(2)'
    );
    expect(writes()).toEqual([]);
  });

  it('the same key given both ways is sent once, as given', async () => {
    const result = await invoke(
      'UpdateEntity',
      { entityId: 'ID=1' },
      '<Request><Entity entitySet="Products"><Property name="ID" value="1" isId="true"/><Property name="Name" value="x"/></Entity></Request>'
    );
    expect(result.status).toBe(1);
    expect(writes().map(r => r.url)).toEqual([`${SERVICE}Products(1)`]);
  });

  it('UpdateSingleton: singletonId=Info and <Singleton entitySet="Other"> is refused before sending', async () => {
    const result = await invoke(
      'UpdateSingleton',
      { singletonId: 'Info' },
      '<Request><Singleton entitySet="Other"><Property name="Motd" value="x"/></Singleton></Request>'
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="PARAMETER_INVALID"');
    expect(result.output).toContain('Singleton[1] names the singleton "Other", the parameter singletonId "Info"');
    expect(writes()).toEqual([]);
  });

  it('ReadSingleton: singletonId=Info and <QueryOptions entitySet="Other"> is refused before reading', async () => {
    const result = await invoke(
      'ReadSingleton',
      { singletonId: 'Info' },
      '<QueryOptions entitySet="Other"><Parameter name="select" value="ID"/></QueryOptions>'
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="PARAMETER_INVALID"');
    expect(result.output).toContain(
      '&lt;QueryOptions entitySet="Other"&gt; and the parameter singletonId "Info" name different singletons'
    );
    expect(requests).toEqual([]);
  });

  it('ExecuteFunction: entityId without entitySet is refused instead of calling the unbound import', async () => {
    const result = await invoke(
      'ExecuteFunction',
      { entityId: '1' },
      '<Request><Function name="CountCategories"><Parameter name="Amount" value="2"/></Function></Request>'
    );
    expect(result.status).toBe(-1);
    expect(result.output).toContain('code="PARAMETER_MISSING"');
    expect(result.output).toContain(
      'ExecuteFunction binds to the entity entityId="1" only with the parameter entitySet'
    );
    expect(requests).toEqual([]);
  });
});
