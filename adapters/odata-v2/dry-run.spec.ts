import { createRuntime } from '../../src/index';
import { odataV2 } from './index';
import { createStubService, seedFile } from './testing/stub-service';

// A dry run shows the requests a real run sends: one CSRF fetch (a service answers HEAD with a token),
// and the write carrying that token; not a GET fallback that only a token-less answer would cause.
describe('odata-v2 --dry-run of a write', () => {
  it('prints one CSRF fetch and the POST with its x-csrf-token header (masked)', async () => {
    const stub = createStubService(seedFile('odata-demo-v2-cpi.metadata.xml'));
    const runtime = createRuntime([odataV2], { transport: stub, dryRun: true });
    const result = await runtime.invoke({
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl: 'http://dry.test/svc/' },
      input: '<Categories><Category><ID>1</ID><Name>C</Name></Category></Categories>'
    });
    const lines = (result.requests ?? []).map(r => r.text.split('\n').filter(l => !l.startsWith('#'))[0]);
    expect(lines).toEqual([
      'GET http://dry.test/svc/$metadata',
      'HEAD http://dry.test/svc/',
      'POST http://dry.test/svc/Categories'
    ]);
    expect(result.requests?.[2]?.text).toContain('x-csrf-token: ***');
    expect(stub.requests.map(r => r.method)).toEqual(['GET']);
  });
});
