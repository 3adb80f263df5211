/*
 * Sources (checked 2026 against the vendor's published material):
 * - UpdateDataServiceApi: seed 003 (alibabacloud.com API reference, 2020-05-18): parameters, ranges, documented sample
 *   request and responses, error codes Throttling.Api/System/User (429), InternalError.System/UserId.Missing (500).
 * - CreateDataServiceApi: alibabacloud.com/help/en/dataworks/api-createdataserviceapi and
 *   aliyun/alibabacloud-java-async-sdk dataworks-public-20200518/…/models/CreateDataServiceApiRequest.java: TenantId
 *   optional; ProjectId, ApiName (4-50 chars, starts with a letter/Chinese character), GroupId, ApiMode 0-2,
 *   RequestMethod, ResponseContentType, Timeout, VisibleRange, Protocols, ApiPath, ApiDescription required;
 *   WizardDetails/ScriptDetails/RegistrationDetails, FolderId, SqlMode (0 basic, 1 MyBatis), ResourceGroupId,
 *   RequestContentType (0 XML, 1 JSON, 2 form) optional.
 * - GetDataServiceApi / DeleteDataServiceApi / PublishDataServiceApi: alibabacloud.com/help/en/dataworks/api-getdataserviceapi
 *   (TenantId optional, ProjectId and ApiId required) and the async SDK's Get/Delete/PublishDataServiceApiRequest.java
 *   (same three fields; older SDK versions mark TenantId required for Get/Delete).
 * - ListDataServiceApis: alibabacloud.com/help/tc/dataworks/developer-reference/api-dataworks-public-2020-05-18-listdataserviceapis
 *   (PageSize at most 50) and ListDataServiceApisRequest.java (@Validation maximum 50); ApiNameKeyword, ApiPathKeyword,
 *   CreatorId, PageNumber, TenantId optional, ProjectId required.
 * - *Details parameter enums (parameterDataType 0-11, parameterOperator 0-3, parameterPosition 0-3): GetDataServiceApi
 *   response model, muzea/aliyun-sdk-node dist/dataworks_public/GetDataServiceApi/res.d.ts (see details/parameter-shapes.ts).
 * - V3 and RPC signature examples: signers.spec.ts.
 * Not found in any document: the GetDataServiceApi not-found and the 403 fixture error codes (marked illustrative).
 */
import path from 'node:path';
import { receivedRequestOf } from '../../src/rest/testing/test-http-server';
import {
  describeFixtureCases,
  replayFixtureCase,
  type FixtureReplayOptions
} from '../../src/testing/describe-fixture-cases';
import { loadFixtureCase } from '../../src/testing/fixture-case';
import { verifyAlibabaSignature } from './testing/dataworks-test-server';
import { dataworks } from './index';

// Replays pin the clock and the nonces (000…01, 000…02, … per case), so recordings assert the exact V3 Authorization and
// x-acs-signature-nonce headers and the RPC Signature and SignatureNonce; the fixture AccessKey is not a real one.
// Each request is also checked by the stand-in server's own verifier (not the connector's signer), with the case's key.
const root = path.join(__dirname, '../../fixtures/dataworks');
const verifyWith = (secretOf: (caseSecret: string) => string): FixtureReplayOptions => ({
  verifyRequest(c) {
    const { accessKeyId = '', accessKeySecret = '' } = c.spec.params ?? {};
    const key = { id: accessKeyId, secret: secretOf(accessKeySecret) };
    const nonces = new Set<string>();
    return request => verifyAlibabaSignature(receivedRequestOf(request), key, nonces);
  }
});
describeFixtureCases(
  [dataworks],
  root,
  verifyWith(secret => secret)
);

it('the replay verifier refuses signatures it cannot reproduce (V3 and RPC)', async () => {
  for (const name of ['UpdateDataServiceApi/doc-sample-v3', 'UpdateDataServiceApi/doc-sample-rpc-xml']) {
    const { rejected } = await replayFixtureCase(
      [dataworks],
      loadFixtureCase(path.join(root, name)),
      verifyWith(secret => `${secret}-other`)
    );
    expect(rejected).toEqual([expect.stringMatching(/: SignatureDoesNotMatch$/)]);
  }
});
