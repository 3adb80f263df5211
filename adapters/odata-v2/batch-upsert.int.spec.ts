import { createRuntime } from '../../src/index';
import { startDemoService, type DemoService } from '../../src/demo/demo-service';
import { odataV2 } from './index';

// Live: Batch and Upsert against the CAP demo service over V2 (Gateway-style strict CSRF emulation on).
// The SuccessFactors upsert function import does not exist in CAP; it is covered by operations/upsert.spec.ts
// and the hand-built fixtures under fixtures/odata-v2/Upsert.
let service: DemoService;
const runtime = createRuntime([odataV2]);
const invoke = (operation: string, params: Record<string, string>, input?: string) =>
  runtime.invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl: service.v2Url, ...params },
    ...(input === undefined ? {} : { input })
  });

beforeAll(async () => {
  service = await startDemoService({ csrf: 'strict' });
}, 60_000);
afterAll(() => service?.stop());

describe('odata-v2 Upsert against the live demo service', () => {
  it('generic upsert in Atom: reads by key in Atom, merges the existing Supplier with its ETag and creates the missing one', async () => {
    const r = await invoke(
      'Upsert',
      { upsertMode: 'generic', format: 'atom' },
      '<Suppliers><Suppliers><ID>1</ID><Name>Tokyo Atom</Name></Suppliers><Suppliers><ID>961</ID><Name>Atom Supplier</Name></Suppliers></Suppliers>'
    );
    expect(r.output).not.toContain('<Error');
    expect(r.status).toBe(1);
    expect(r.output).toContain('editStatus="UPDATED"');
    expect(r.output).toMatch(/httpStatus="201"[^>]*editStatus="INSERTED"/);
    const read = await invoke('Read', {
      resourcePath: 'Suppliers',
      queryOptions: '$filter=ID eq 1 or ID eq 961&$select=ID,Name&$orderby=ID'
    });
    expect(read.output).toMatch(/<Name>Tokyo Atom<\/Name>[\s\S]*<Name>Atom Supplier<\/Name>/);
  });

  it('generic upsert in Atom of an entity without ETag: the Atom answer of the probe is what is read', async () => {
    const r = await invoke(
      'Upsert',
      { upsertMode: 'generic', format: 'atom' },
      '<Categories><Categories><ID>1</ID><Name>Organizers (Atom)</Name></Categories></Categories>'
    );
    expect(r.output).not.toContain('<Error');
    expect(r.output).toContain('editStatus="UPDATED"');
  });
});

describe('odata-v2 Batch against the live demo service', () => {
  it('a write part without a body is refused before anything is sent: the other changeset is not applied either', async () => {
    const r = await invoke(
      'Batch',
      {},
      `<batchParts>
      <batchChangeSet><batchChangeSetPart><method>POST</method><Categories><Categories><ID>980</ID><Name>Not sent</Name></Categories></Categories></batchChangeSetPart></batchChangeSet>
      <batchChangeSet><batchChangeSetPart><method>PUT</method><uri>Products(1)</uri></batchChangeSetPart></batchChangeSet>
    </batchParts>`
    );
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      'changeset 2, part 1 (batchParts/batchChangeSet[2]/batchChangeSetPart[1]): PUT Products(1) has no entity body'
    );
    expect((await invoke('Read', { resourcePath: 'Categories(980)' })).output).toContain('httpStatus="404"');
    expect((await invoke('Read', { resourcePath: 'Products(1)', queryOptions: '$select=Name' })).output).not.toContain(
      '<Name xsi:nil="true"/>'
    );
  });

  it('$1 refers to the first part of its own changeset, in every changeset', async () => {
    const changeset = (category: number, product: number) => `<batchChangeSet>
        <batchChangeSetPart><method>POST</method><Categories><Categories><ID>${category}</ID><Name>C${category}</Name></Categories></Categories></batchChangeSetPart>
        <batchChangeSetPart><method>POST</method><uri>$1/Products</uri><Products><Products><ID>${product}</ID><Name>P${product}</Name></Products></Products></batchChangeSetPart>
      </batchChangeSet>`;
    const r = await invoke('Batch', {}, `<batchParts>${changeset(981, 9810)}${changeset(982, 9820)}</batchParts>`);
    expect(r.output).not.toContain('<Error');
    expect(r.output.match(/<statusCode>(\d+)<\/statusCode>/g)).toEqual(Array(4).fill('<statusCode>201</statusCode>'));
    const read = await invoke('Read', {
      resourcePath: 'Products',
      queryOptions: '$filter=ID eq 9810 or ID eq 9820&$select=ID,Category_ID&$orderby=ID'
    });
    expect(read.output).toMatch(
      /<ID>9810<\/ID>\s*<Category_ID>981<\/Category_ID>[\s\S]*<ID>9820<\/ID>\s*<Category_ID>982<\/Category_ID>/
    );
  });

  it('a changeset that failed as a whole names the failing part by the Content-ID CAP answers with; the others are reported as not applied', async () => {
    const r = await invoke(
      'Batch',
      {},
      `<batchParts><batchChangeSet>
      <batchChangeSetPart><method>POST</method><Categories><Categories><ID>983</ID><Name>Rolled back</Name></Categories></Categories></batchChangeSetPart>
      <batchChangeSetPart><method>POST</method><uri>$1/Products</uri><Products><Products><ID>9830</ID><Name>Rolled back</Name></Products></Products></batchChangeSetPart>
      <batchChangeSetPart><method>POST</method><Categories><Categories><ID>0</ID><Name>duplicate</Name></Categories></Categories></batchChangeSetPart>
    </batchChangeSet></batchParts>`
    );
    expect(r.status).toBe(-1);
    const messages = [...r.output.matchAll(/<Message>([^<]*)<\/Message>/g)].map(m => m[1]);
    expect(messages).toEqual([
      expect.stringMatching(/^Not applied: changeset 1 failed at part 3 \(Content-ID 3, POST Categories\)/),
      expect.stringMatching(/^Not applied: changeset 1 failed at part 3 \(Content-ID 3, POST Categories\)/),
      expect.stringMatching(
        /^Changeset 1 failed at this part \(Content-ID 3\), so none of its changes was applied; the service answered 409/
      )
    ]);
    expect(r.output.match(/<ServiceError code="SQLITE_CONSTRAINT_PRIMARYKEY">/g)).toHaveLength(3);
    expect((await invoke('Read', { resourcePath: 'Categories(983)' })).output).toContain('httpStatus="404"');
  });

  it('batchMaxBytes: the batch goes in several requests, each part says which; a changeset above the limit is refused and nothing is sent', async () => {
    // Name is String(100) in the demo service: size comes from several parts per changeset
    const changeset = (id: number, parts: number, letter: string) =>
      `<batchChangeSet>${Array.from({ length: parts }, (_, j) => `<batchChangeSetPart><method>POST</method><Categories><Categories><ID>${id + j}</ID><Name>${letter.repeat(90)}</Name></Categories></Categories></batchChangeSetPart>`).join('')}</batchChangeSet>`;
    const split = await invoke(
      'Batch',
      { batchMaxBytes: '1024' },
      `<batchParts>${changeset(9840, 2, 'a')}${changeset(9850, 2, 'b')}${changeset(9860, 2, 'c')}</batchParts>`
    );
    expect(split.output).not.toContain('<Error');
    expect(split.output.match(/<statusCode>201<\/statusCode>/g)).toHaveLength(6);
    expect(split.output.match(/<batchChangeSetResponse changeSet="\d" request="\d"/g)).toEqual([
      '<batchChangeSetResponse changeSet="1" request="1"',
      '<batchChangeSetResponse changeSet="2" request="2"',
      '<batchChangeSetResponse changeSet="3" request="3"'
    ]);
    const refused = await invoke(
      'Batch',
      { batchMaxBytes: '1024' },
      `<batchParts>${changeset(9870, 1, 'd')}${changeset(9880, 5, 'e')}</batchParts>`
    );
    expect(refused.status).toBe(-1);
    expect(refused.output).toContain(
      'batchParts/batchChangeSet[2] (changeset 2, 5 parts) needs a $batch request body of'
    );
    expect((await invoke('Read', { resourcePath: 'Categories(9870)' })).output).toContain('httpStatus="404"');
  });
});
