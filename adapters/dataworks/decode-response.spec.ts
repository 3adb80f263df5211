import { alibabaErrorOf, decodeAlibabaBody, isAlibabaSuccess, isRetryableAlibabaResponse } from './decode-response';

const res = (status: number, body: string) => ({ status, headers: {}, body });

describe('DataWorks response decoding', () => {
  it('decodes the documented XML and JSON success samples alike', () => {
    const xml = decodeAlibabaBody(
      res(
        200,
        '<UpdateDataServiceApiResponse><HttpStatusCode>200</HttpStatusCode><Data>true</Data><RequestId>0000-ABCD-EFG****</RequestId><Success>true</Success></UpdateDataServiceApiResponse>'
      )
    );
    expect(xml).toEqual({ HttpStatusCode: '200', Data: 'true', RequestId: '0000-ABCD-EFG****', Success: 'true' });
    expect(isAlibabaSuccess(res(200, ''), xml)).toBe(true);
    expect(isAlibabaSuccess(res(200, ''), { Success: true, Data: true })).toBe(true);
  });

  it('lets an explicit Success decide; without it an error code fails', () => {
    expect(isAlibabaSuccess(res(200, ''), { Success: true, ErrorCode: 'Invalid.Tenant.ConnectionNotExists' })).toBe(
      true
    );
    expect(isAlibabaSuccess(res(200, ''), { Success: false })).toBe(false);
    expect(isAlibabaSuccess(res(200, ''), { Code: 'Throttling.User' })).toBe(false);
    expect(isAlibabaSuccess(res(500, ''), { Success: true })).toBe(false);
  });

  it('reads ErrorCode/ErrorMessage, the gateway Code/Message, and XML <Error>', () => {
    expect(alibabaErrorOf({ ErrorCode: 'A', ErrorMessage: 'm', RequestId: 'r' })).toEqual({
      code: 'A',
      message: 'm',
      requestId: 'r'
    });
    expect(
      alibabaErrorOf(
        decodeAlibabaBody(
          res(400, '<Error><RequestId>r</RequestId><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>')
        )
      )
    ).toEqual({ code: 'SignatureDoesNotMatch', message: 'm', requestId: 'r' });
  });

  it('decodes a one-element XML list as an array', () => {
    const body = decodeAlibabaBody(res(200, '<R><Data><Apis><Api><ApiId>1</ApiId></Api></Apis></Data></R>'));
    expect(body).toEqual({ Data: { Apis: [{ ApiId: '1' }] } });
  });

  it('retries only the documented transient failures', () => {
    expect(isRetryableAlibabaResponse(res(429, '{"Code":"Throttling.User"}'))).toBe(true);
    expect(isRetryableAlibabaResponse(res(500, '{"ErrorCode":"InternalError.System"}'))).toBe(true);
    expect(isRetryableAlibabaResponse(res(503, ''))).toBe(true);
    expect(isRetryableAlibabaResponse(res(400, '{"Code":"Throttling.User"}'))).toBe(false);
    expect(isRetryableAlibabaResponse(res(500, '{"ErrorCode":"Invalid.Param"}'))).toBe(false);
    expect(isRetryableAlibabaResponse(res(403, '{"Code":"Forbidden.RAM"}'))).toBe(false);
  });
});
