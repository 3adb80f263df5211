import {
  buildCanonicalRequest,
  buildStringToSign,
  computeSignature,
  formatSdkDate,
  signHuaweiRequest
} from './huawei-signer';
import { createHash } from 'node:crypto';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('Huawei SDK-HMAC-SHA256 signer', () => {
  // Worked example of Huawei's "API Request Signing Guide" (support.huaweicloud.com/intl/en-us/devg-apisign/
  // api-sign-algorithm-002.html … -005.html): VPC list request, SK MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc,
  // hashed canonical request b25362e6…, signature 7be66680….
  const url =
    'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0';
  const headers = {
    'content-type': 'application/json',
    host: 'service.region.example.com',
    'x-sdk-date': '20191115T033655Z'
  };

  it('builds the canonical request of the documented example', () => {
    const canonical = buildCanonicalRequest('GET', url, headers, ['content-type', 'host', 'x-sdk-date'], '');
    expect(sha256(canonical)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    expect(buildStringToSign(canonical, '20191115T033655Z')).toBe(
      'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a'
    );
  });

  it('signs the documented example to the documented Authorization header', () => {
    const signed = signHuaweiRequest(
      { method: 'GET', url, headers: { 'content-type': 'application/json' } },
      'QTWAOYTTINDUT2QVKYUC',
      'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      new Date('2019-11-15T03:36:55Z')
    );
    expect(signed.headers?.['authorization']).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe'
    );
    expect(signed.headers?.['x-sdk-date']).toBe('20191115T033655Z');
  });

  // Huawei's APIG Python signer test (signer_test.py, "Copyright Huawei Technologies Co., Ltd. 2024-2025"):
  // test_CanonicalRequest and test_SignStringToSign, with the body hashed and a query string.
  it('matches the canonical request of the APIG SDK test (body hash, query)', () => {
    const canonical = buildCanonicalRequest(
      'POST',
      'https://30030113-3657-4fb6-a7ef-90764239b038.apigw.cn-north-1.huaweicloud.com/app1?a=1',
      { 'x-stage': 'RELEASE' },
      ['x-stage'],
      'body'
    );
    expect(canonical).toBe(
      'POST\n/app1/\na=1\nx-stage:RELEASE\n\nx-stage\n230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5'
    );
    expect(computeSignature('abc', 'abc')).toBe('2f02e24ae2e1fe880399f27600afa88364e6062bf9bbe114b32fa8f23d03608a');
  });

  it('sorts query parameters and encodes names and values per RFC 3986', () => {
    const canonical = buildCanonicalRequest(
      'GET',
      'https://h.example/v2/p/data-connectors?offset=0&connector_name=a%20b*&limit=10',
      {},
      [],
      ''
    );
    expect(canonical.split('\n')[2]).toBe('connector_name=a%20b%2A&limit=10&offset=0');
  });

  it('formats X-Sdk-Date without separators or milliseconds', () => {
    expect(formatSdkDate(new Date('2026-01-01T00:00:00.123Z'))).toBe('20260101T000000Z');
  });
});
