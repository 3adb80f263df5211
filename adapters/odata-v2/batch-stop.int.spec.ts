import { useLiveService } from './testing/live-service';

// Live: the CAP demo service over V2 without continue-on-error (the adapter's default, here switched on by
// the project for the other specs): it stops at the first failing changeset and answers nothing after it.
const invoke = useLiveService({ env: { CDS_CONFIG: JSON.stringify({ cov2ap: { continueOnError: false } }) } });

describe('odata-v2 Batch against a service that stops after a failure', () => {
  it('the parts after the failed one are reported as not processed because of it; the earlier ones as done', async () => {
    const post = (id: number) =>
      `<batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Categories><ID>${id}</ID><Name>Stop ${id}</Name></Categories></Categories></batchChangeSetPart></batchChangeSet>`;
    const r = await invoke(
      'Batch',
      {},
      `<batchParts>${post(7400)}${post(0)}${post(7401)}<batchQueryPart><uri>Categories(7401)</uri></batchQueryPart></batchParts>`
    );
    expect(r.status).toBe(-1);
    expect(r.output).toMatch(/part="1"[^>]*>\s*<statusCode>201/);
    expect(r.output).toMatch(/part="2"[^>]*>\s*<statusCode>409/);
    expect(r.output).toContain(
      'batchParts/batchChangeSet[3]/batchChangeSetPart[1]: not processed: the service stopped after the failure of part 2 (POST Categories) and answered no later part'
    );
    expect(r.output).toContain(
      'batchParts/batchQueryPart[1]: not processed: the service stopped after the failure of part 2'
    );
    expect((await invoke('Read', { resourcePath: 'Categories(7400)' })).status).toBe(1);
    expect((await invoke('Read', { resourcePath: 'Categories(7401)' })).output).toContain('httpStatus="404"');
  });
});
