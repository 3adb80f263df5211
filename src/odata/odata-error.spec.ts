import fs from 'node:fs';
import path from 'node:path';
import { httpStatusError, parseODataError } from './odata-error';

const PUBLIC = path.join(__dirname, '..', '..', 'fixtures', 'public');

describe('parseODataError', () => {
  it('reads V4 JSON errors with details', () => {
    const body = JSON.stringify({
      error: {
        code: '400',
        message: 'Invalid',
        details: [{ code: 'ASSERT', message: 'Value is required', target: 'Name' }]
      }
    });
    expect(parseODataError(body)).toEqual({
      code: '400',
      message: 'Invalid',
      details: ['[ASSERT] Value is required (Name)']
    });
  });

  it('reads a genuine SAP Gateway V2 error: message value, errordetails and the transaction id', () => {
    // Public recording (SAP/open-ux-tools); it lacks the outer {"error": …} wrapper, so wrap it as Gateway sends it.
    const inner = fs.readFileSync(
      path.join(PUBLIC, 'sap-open-ux-tools/axios-extension-mockResponses/errordetails.json'),
      'utf8'
    );
    const parsed = parseODataError(`{"error":${inner}}`);
    expect(parsed).toMatchObject({
      code: '/UI5/UI5_REP_LOAD/006',
      message: 'Test run indicated an error',
      transactionId: '0F61D5F13A6D0060E00644D444B789F3'
    });
    expect(parsed.details?.[0]).toBe('[/UI5/UI5_REP_LOAD/006] Test run indicated an error (ZJLONG0205)');
  });

  it('reads V2 errordetails whose message is a {lang, value} object (CAP V2 adapter), so their target is not lost', () => {
    // as the demo service answers a deep insert missing a mandatory value: only the detail names the property
    const body = JSON.stringify({
      error: {
        code: 'ASSERT_MANDATORY',
        message: { lang: 'en', value: 'Provide the missing value.' },
        target: 'Products[0]/Name',
        innererror: {
          errordetails: [
            {
              code: 'ASSERT_MANDATORY',
              message: { lang: 'en', value: 'Provide the missing value.' },
              target: 'Products[0]/Name',
              severity: 'error'
            }
          ]
        }
      }
    });
    expect(parseODataError(body).details).toEqual(['[ASSERT_MANDATORY] Provide the missing value. (Products[0]/Name)']);
  });

  it('leaves out a detail that only repeats the error (CAP V2 targets it at its placeholder /#TRANSIENT#)', () => {
    const repeat = { code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: { lang: 'en', value: 'Entity already exists' } };
    const body = JSON.stringify({
      error: {
        ...repeat,
        innererror: {
          errordetails: [
            { ...repeat, target: '/#TRANSIENT#' },
            { code: 'X', message: 'Other', target: '' }
          ]
        }
      }
    });
    expect(parseODataError(body).details).toEqual(['[X] Other']);
  });

  it('reads XML errors, with or without the m: prefix', () => {
    expect(
      parseODataError('<m:error xmlns:m="x"><m:code>E1</m:code><m:message xml:lang="de">Kaputt</m:message></m:error>')
    ).toEqual({ code: 'E1', message: 'Kaputt' });
  });

  it('reads the innererror of an XML error: its message and the internalexception chain, without stack traces', () => {
    // Public recording (Simple.OData.Client MockData/BatchTests.PartialFailures.2.txt): WCF's answer to a failed changeset.
    const recording = JSON.parse(
      fs.readFileSync(path.join(PUBLIC, 'simple-odata-client/MockData/BatchTests.PartialFailures.2.txt'), 'utf8')
    ) as { Content: string };
    const body = /<\?xml[\s\S]*<\/m:error>/.exec(recording.Content)?.[0] ?? '';
    const parsed = parseODataError(body);
    expect(parsed.message).toBe('An error occurred while processing this request.');
    expect(parsed.inner).toEqual([
      'An error occurred while updating the entries. See the inner exception for details.',
      expect.stringMatching(
        /^The INSERT statement conflicted with the FOREIGN KEY constraint "FK_dbo.Products_dbo.Suppliers_SupplierID"/
      )
    ]);
    expect(JSON.stringify(parsed)).not.toContain('stacktrace');
    expect(JSON.stringify(parsed)).not.toContain('SaveChanges');
  });

  it('reads SAP Gateway XML errordetails and transaction id, and a JSON innererror message chain', () => {
    const xml =
      '<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>ZCU/100</code><message xml:lang="en">Not found</message><innererror><transactionid>T9</transactionid><errordetails><errordetail><code>ZCU/100</code><message>Service 3 not found</message><target>Service</target></errordetail></errordetails></innererror></error>';
    expect(parseODataError(xml)).toEqual({
      code: 'ZCU/100',
      message: 'Not found',
      details: ['[ZCU/100] Service 3 not found (Service)'],
      transactionId: 'T9'
    });
    const json = JSON.stringify({
      error: {
        code: '',
        message: { lang: 'en', value: 'Failed' },
        innererror: {
          message: 'outer',
          type: 'X',
          stacktrace: 'at A()',
          internalexception: { message: 'inner cause', stacktrace: 'at B()' }
        }
      }
    });
    expect(parseODataError(json)).toMatchObject({ message: 'Failed', inner: ['outer', 'inner cause'] });
  });

  it('keeps a plain-text body as the message and tolerates garbage', () => {
    expect(parseODataError('Unauthorized')).toEqual({ message: 'Unauthorized' });
    expect(parseODataError('{not json')).toEqual({});
    expect(parseODataError('')).toEqual({});
  });
});

describe('httpStatusError', () => {
  it('says what the status means, and carries the details and transaction id into the output', () => {
    const error = httpStatusError(
      { method: 'PATCH', url: 'http://u:pw@h/S(1)' },
      {
        status: 412,
        headers: {},
        body: JSON.stringify({
          error: {
            code: 'C',
            message: { value: 'stale' },
            innererror: { transactionid: 'T1', errordetails: [{ message: 'x' }] }
          }
        })
      }
    );
    expect(error.message).toBe(
      'PATCH http://h/S(1) answered 412 (precondition failed: the ETag in If-Match no longer matches, the entity was changed by someone else; read it again): stale'
    );
    expect(error.details).toMatchObject({
      httpStatus: 412,
      serviceCode: 'C',
      extra: { 'detail 1': 'x', transactionId: 'T1' }
    });
  });

  it('names where a redirect leads (redirects are not followed: a login page, or http to https)', () => {
    const error = httpStatusError(
      { method: 'GET', url: 'http://h/svc/$metadata' },
      { status: 302, headers: { location: 'https://idp.test/login?token=abc' }, body: '<html>Login</html>' }
    );
    expect(error.message).toBe(
      'GET http://h/svc/$metadata answered 302 (redirected to https://idp.test/login?token=***; redirects are not followed, so the credentials stay with the service: use the final URL as the service URL, or check the authentication)'
    );
  });
});
