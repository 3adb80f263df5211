import fs from 'node:fs';
import path from 'node:path';
import { buildBatchBody, parseBatchResponse } from './multipart-batch';

// Public batch recordings (fixtures/public, copied verbatim with their licences; see SOURCES.md there), never edited.
const PUBLIC = path.join(__dirname, '..', '..', '..', 'fixtures', 'public');
const read = (file: string): string => fs.readFileSync(path.join(PUBLIC, file), 'utf8');
const simpleOData = (file: string): { body: string; contentType: string } => {
  const json = JSON.parse(read(`simple-odata-client/MockData/${file}`)) as {
    Content: string;
    ContentHeaders: Array<{ Key: string; Value: string[] }>;
  };
  return { body: json.Content, contentType: json.ContentHeaders.find(h => h.Key === 'Content-Type')?.Value[0] ?? '' };
};

describe('multipart $batch', () => {
  it('writes query parts and changesets with Content-IDs, CRLF and Content-Length', () => {
    let n = 0;
    const { body, contentType } = buildBatchBody(
      [
        { kind: 'query', part: { method: 'GET', url: 'Products?$top=1', headers: { accept: 'application/json' } } },
        {
          kind: 'changeset',
          parts: [
            {
              method: 'POST',
              url: 'Categories',
              headers: { 'content-type': 'application/json' },
              body: '{"ID":1}',
              contentId: '1'
            },
            { method: 'POST', url: '$1/Products', body: '{"ID":2}', contentId: '2' }
          ]
        }
      ],
      kind => `${kind}_${++n}`
    );
    expect(contentType).toBe('multipart/mixed; boundary=batch_1');
    expect(body.split('\r\n')).toEqual([
      '--batch_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'GET Products?$top=1 HTTP/1.1',
      'accept: application/json',
      '',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary=changeset_2',
      '',
      '--changeset_2',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      'Content-ID: 1',
      '',
      'POST Categories HTTP/1.1',
      'content-type: application/json',
      'Content-Length: 8',
      '',
      '{"ID":1}',
      '--changeset_2',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      'Content-ID: 2',
      '',
      'POST $1/Products HTTP/1.1',
      'Content-Length: 8',
      '',
      '{"ID":2}',
      '--changeset_2--',
      '--batch_1--',
      ''
    ]);
  });

  it('reads an SAP Gateway response: two query parts and a genuine 400 error part', () => {
    const body = read('sap-cloud-sdk-java/odata/ODatav2BatchConnectionTest/BatchResponseWithError.txt');
    const items = parseBatchResponse(
      body,
      'multipart/mixed; boundary=batchresponse_76ef6b0a-a0e2-4f31-9f70-f5d3f73a6bef'
    );
    expect(items.map(i => (i.kind === 'single' ? i.part.status : -1))).toEqual([200, 200, 400]);
    const error = items[2];
    expect(error?.kind === 'single' && JSON.parse(error.part.body)).toMatchObject({ error: { code: 'ZCU/100' } });
  });

  it('reads a changeset that failed as a whole (one 500 part for two requests), WCF recording', () => {
    const { body, contentType } = simpleOData('BatchTests.AllFailures.2.txt');
    const items = parseBatchResponse(body, contentType);
    expect(items).toHaveLength(1);
    const [changeset] = items;
    expect(changeset?.kind).toBe('changeset');
    expect(changeset?.kind === 'changeset' && changeset.parts.map(p => p.status)).toEqual([500]);
  });

  it('reads a changeset response with Content-ID in the HTTP headers (partial failure recording)', () => {
    const { body, contentType } = simpleOData('BatchTests.PartialFailures.2.txt');
    const [changeset] = parseBatchResponse(body, contentType);
    expect(changeset?.kind === 'changeset' && changeset.parts.map(p => [p.status, p.contentId])).toEqual([[500, '2']]);
  });

  it('accepts LF-only line ends and reads the boundary from the body when the header lacks it', () => {
    const body = '--b\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\n\n\n--b--\n';
    expect(parseBatchResponse(body, undefined)).toEqual([
      {
        kind: 'single',
        part: { status: 204, statusText: 'No Content', headers: { 'content-type': 'application/http' }, body: '' }
      }
    ]);
  });

  it('refuses a body without the boundary with RESPONSE_INVALID', () => {
    expect(() => parseBatchResponse('<html>gateway timeout</html>', 'multipart/mixed; boundary=x')).toThrow(
      expect.objectContaining({ code: 'RESPONSE_INVALID' })
    );
  });
});
