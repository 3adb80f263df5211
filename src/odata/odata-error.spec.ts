import fs from 'node:fs';
import path from 'node:path';
import { httpStatusError, parseODataError } from './odata-error';

const PUBLIC = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'public');

describe('parseODataError', () => {
  it('reads V4 JSON errors with details', () => {
    const body = JSON.stringify({ error: { code: '400', message: 'Invalid', details: [{ code: 'ASSERT', message: 'Value is required', target: 'Name' }] } });
    expect(parseODataError(body)).toEqual({ code: '400', message: 'Invalid', details: ['[ASSERT] Value is required (Name)'] });
  });

  it('reads a genuine SAP Gateway V2 error: message value, errordetails and the transaction id', () => {
    // Public recording (SAP/open-ux-tools); it lacks the outer {"error": …} wrapper, so wrap it as Gateway sends it.
    const inner = fs.readFileSync(path.join(PUBLIC, 'sap-open-ux-tools/axios-extension-mockResponses/errordetails.json'), 'utf8');
    const parsed = parseODataError(`{"error":${inner}}`);
    expect(parsed).toMatchObject({ code: '/UI5/UI5_REP_LOAD/006', message: 'Test run indicated an error', transactionId: '0F61D5F13A6D0060E00644D444B789F3' });
    expect(parsed.details?.[0]).toBe('[/UI5/UI5_REP_LOAD/006] Test run indicated an error (ZJLONG0205)');
  });

  it('reads XML errors, with or without the m: prefix', () => {
    expect(parseODataError('<m:error xmlns:m="x"><m:code>E1</m:code><m:message xml:lang="de">Kaputt</m:message></m:error>')).toEqual({ code: 'E1', message: 'Kaputt' });
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
      { status: 412, headers: {}, body: JSON.stringify({ error: { code: 'C', message: { value: 'stale' }, innererror: { transactionid: 'T1', errordetails: [{ message: 'x' }] } } }) }
    );
    expect(error.message).toBe('PATCH http://h/S(1) answered 412 (precondition failed: the ETag in If-Match no longer matches, the entity was changed by someone else; read it again): stale');
    expect(error.details).toMatchObject({ httpStatus: 412, serviceCode: 'C', extra: { 'detail 1': 'x', transactionId: 'T1' } });
  });
});
