import { createHash } from 'node:crypto';
import { buildAcs3CanonicalRequest, computeAcs3Signature, formatAcsDate, signAcs3 } from './acs3-signer';
import { percentEncode } from './percent-encode';
import { buildRpcStringToSign, computeRpcSignature, signRpcV1 } from './rpc-signer';

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

describe('Alibaba Cloud signature V3 (ACS3-HMAC-SHA256)', () => {
  // Worked example of "Request syntax and signature method V3" (alibabacloud.com/help/en/sdk/product-overview/
  // v3-request-structure-and-signature, checked against the stored page): POST RunInstances on ecs.cn-shanghai,
  // AccessKey YourAccessKeyId / YourAccessKeySecret; the page's CanonicalHeaders example gives x-acs-date
  // 2023-10-26T10:22:32Z and nonce 3156853299f313e23d1673dc12e1703d (its opening table shows other sample values,
  // 2023-10-26T09:01:01Z / d410180a…, which do not produce its signature); HashedCanonicalRequest
  // 7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259; Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0.
  const url =
    'https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai';
  const expected =
    'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0';

  it('signs the documented example to the documented Authorization header', () => {
    const signed = signAcs3(
      { method: 'POST', url, headers: { 'x-acs-action': 'RunInstances' } },
      { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      '2014-05-26',
      new Date('2023-10-26T10:22:32Z'),
      '3156853299f313e23d1673dc12e1703d'
    );
    expect(signed.headers?.['authorization']).toBe(expected);
    expect(signed.headers?.['x-acs-content-sha256']).toBe(EMPTY_SHA256);
  });

  it('builds the canonical request of the example step by step', () => {
    const headers = {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-content-sha256': EMPTY_SHA256,
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-version': '2014-05-26'
    };
    const canonical = buildAcs3CanonicalRequest('POST', url, headers, Object.keys(headers), EMPTY_SHA256);
    expect(canonical.split('\n').slice(0, 4)).toEqual([
      'POST',
      '/',
      'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
      'host:ecs.cn-shanghai.aliyuncs.com'
    ]);
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(
      '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259'
    );
    expect(computeAcs3Signature('YourAccessKeySecret', canonical)).toBe(
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0'
    );
  });

  it('signs content-type and the STS token header, and hashes the body', () => {
    const signed = signAcs3(
      {
        method: 'POST',
        url: 'https://dataworks.cn-shanghai.aliyuncs.com/?ApiId=1',
        headers: {
          'x-acs-action': 'X',
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json'
        },
        body: 'A=1'
      },
      { accessKeyId: 'k', accessKeySecret: 's', securityToken: 'sts' },
      '2020-05-18',
      new Date('2026-01-01T00:00:00.456Z'),
      'n'
    );
    expect(signed.headers?.['authorization']).toMatch(
      /SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,/
    );
    expect(signed.headers?.['x-acs-content-sha256']).toBe(createHash('sha256').update('A=1').digest('hex'));
    expect(formatAcsDate(new Date('2026-01-01T00:00:00.456Z'))).toBe('2026-01-01T00:00:00Z');
  });
});

describe('Alibaba Cloud RPC signature (SignatureVersion 1.0, HMAC-SHA1)', () => {
  // Example of Alibaba's RPC signature documentation (ECS DescribeRegions; AccessKeyId testid, secret
  // testsecret, key "testsecret&"): expected signature OLeaidS1JvxuMvnyHOwuJ+uX5qY=.
  const params: Array<[string, string]> = [
    ['Timestamp', '2016-02-23T12:46:24Z'],
    ['Format', 'XML'],
    ['AccessKeyId', 'testid'],
    ['Action', 'DescribeRegions'],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
    ['Version', '2014-05-26'],
    ['SignatureVersion', '1.0']
  ];

  it('builds the documented StringToSign and signature', () => {
    const sts = buildRpcStringToSign('GET', params);
    expect(sts).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26'
    );
    expect(computeRpcSignature('testsecret', sts)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('signs a GET request to the documented signature, common parameters added from the request', () => {
    const signed = signRpcV1(
      { method: 'GET', url: 'http://ecs.aliyuncs.com/', headers: { 'x-acs-action': 'DescribeRegions' } },
      { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      '2014-05-26',
      'XML',
      new Date('2016-02-23T12:46:24Z'),
      '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'
    );
    expect(new URL(signed.url).searchParams.get('Signature')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(signed.headers?.['x-acs-action']).toBeUndefined();
  });

  // The fixed-parameter example of the current "Request syntax and signature method V2 for RPC APIs" page
  // (help.aliyun.com/zh/sdk/product-overview/rpc-mechanism): ECS DescribeDedicatedHosts, AccessKeyId testid, secret
  // testsecret, nonce edb2b34af0af9a6d14deaf7c1a5315eb, Timestamp 2023-03-13T08:34:30Z → 9NaGiOspFP5UPcwX8Iwt2YJXXuk=.
  it('signs the fixed-parameter example of the V2 RPC page (parameters from the URL query)', () => {
    const signed = signRpcV1(
      {
        method: 'GET',
        url: 'https://ecs.cn-beijing.aliyuncs.com/?RegionId=cn-beijing',
        headers: { 'x-acs-action': 'DescribeDedicatedHosts' }
      },
      { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      '2014-05-26',
      'JSON',
      new Date('2023-03-13T08:34:30Z'),
      'edb2b34af0af9a6d14deaf7c1a5315eb'
    );
    const pairs = new URL(signed.url).search.slice(1).split('&');
    expect(pairs.filter(p => !p.startsWith('Signature=')).join('&')).toBe(
      'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26'
    );
    expect(pairs).toContain('Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D');
  });

  it('covers form-body parameters in the signature', () => {
    const sign = (body: string) =>
      new URL(
        signRpcV1(
          {
            method: 'POST',
            url: 'https://d.example/?ApiId=1',
            headers: { 'x-acs-action': 'A', 'content-type': 'application/x-www-form-urlencoded' },
            body
          },
          { accessKeyId: 'k', accessKeySecret: 's' },
          'v',
          'JSON',
          new Date(0),
          'n'
        ).url
      ).searchParams.get('Signature');
    expect(sign('WizardDetails=%7B%7D')).not.toBe(sign('WizardDetails=%7B%22a%22%7D'));
  });

  it('percent-encodes as Alibaba documents', () => {
    expect(percentEncode("a b*c~d!'()/")).toBe('a%20b%2Ac~d%21%27%28%29%2F');
  });
});
