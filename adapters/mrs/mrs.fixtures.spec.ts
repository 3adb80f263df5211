/*
 * Sources (checked 2026 against the vendor's published material):
 * - UpdateDataConnector: seed 001 (support.huaweicloud.com api-mrs "Updating a Data Connection", mrs_02_0215): PUT, body
 *   {data_connector:{connector_name, source_type, source_info (JSON string)}}, 200 {"result": …}; the table says
 *   "succeeded", the example shows "succeed": both are accepted.
 * - CreateDataConnector: support.huaweicloud.com/intl/en-us/api-mrs/mrs_02_0213.html: POST /v2/{project_id}/data-connectors,
 *   201 {"connector_id": "0822239c1e80d4502f82c008937da9b5"}; also huaweicloud/huaweicloud-sdk-go-v3
 *   services/mrs/v2/model/model_create_data_connector_response.go (connector_id).
 * - ListDataConnector: support.huaweicloud.com/intl/en-us/api-mrs/mrs_02_0214.html: query connector_id, source_type,
 *   connector_name, limit (1-1000), offset (>=0), available; 200 {total_count, data_connectors: [DataConnectorDetail]};
 *   field names also in huaweicloud-sdk-go-v3 services/mrs/v2/model/model_data_connector_detail.go.
 * - DeleteDataConnector: support.huaweicloud.com/intl/pt-br/api-mrs/mrs_02_0216.html: no request or response body;
 *   connector_id letters, digits, "_", "-", at most 64; the 204 status is what huaweicloud/terraform-provider-huaweicloud
 *   huaweicloud/services/mrs/resource_huaweicloud_mapreduce_data_connection.go expects (OkCodes 204).
 * - source_info keys: only the RDS_MYSQL example is documented; the Terraform resource above sends rds_instance_id,
 *   db_name, user_name, password for every source_type, so rds_instance_id is required for all three.
 * - IAM actions: mrs:dataConnector:updateInstance (create/update/delete), mrs:dataConnector:listInstance (list), from the
 *   "Authorization Information" of the same pages.
 * - APIG.0301 "Incorrect IAM authentication information": support.huaweicloud.com API Gateway FAQ "Common Errors Related to
 *   IAM Authentication Information". Not found in any document: MRS.0002 (404), MRS.0000 (500), APIG.1002 (403); the
 *   fixtures using them say "the code is illustrative".
 */
import path from 'node:path';
import { receivedRequestOf } from '../../src/rest/testing/test-http-server';
import {
  describeFixtureCases,
  replayFixtureCase,
  type FixtureReplayOptions
} from '../../src/testing/describe-fixture-cases';
import { loadFixtureCase } from '../../src/testing/fixture-case';
import { mrs } from './index';
import { verifyHuaweiAuth } from './testing/mrs-test-server';

// Request bodies carry source_info passwords: recordings hold '***', and the live request is redacted the same way before matching.
// AK/SK cases record the exact SDK-HMAC-SHA256 Authorization (X-Sdk-Date from the pinned clock; the fixture SK is not a real one).
// Each request is also checked by the stand-in server's own verifier (token, or the AK/SK signature rebuilt from the
// request independently of the connector's signer), with the case's credentials and pinned clock.
const root = path.join(__dirname, '../../fixtures/mrs');
const verifyWith = (skOf: (caseSk: string) => string): FixtureReplayOptions => ({
  verifyRequest(c) {
    const p = c.spec.params ?? {};
    const credentials = {
      ...(p['token'] === undefined ? {} : { token: p['token'] }),
      ...(p['accessKeyId'] === undefined ? {} : { ak: p['accessKeyId'] }),
      ...(p['secretAccessKey'] === undefined ? {} : { sk: skOf(p['secretAccessKey']) })
    };
    const now = Date.parse(c.spec.now ?? '2026-01-01T00:00:00Z');
    return request => verifyHuaweiAuth(receivedRequestOf(request), credentials, now);
  }
});
describeFixtureCases(
  [mrs],
  root,
  verifyWith(sk => sk)
);

it('the replay verifier refuses an AK/SK signature it cannot reproduce', async () => {
  const { rejected } = await replayFixtureCase(
    [mrs],
    loadFixtureCase(path.join(root, 'UpdateDataConnection/success-aksk')),
    verifyWith(sk => `${sk}-other`)
  );
  expect(rejected).toEqual([expect.stringMatching(/: signature mismatch$/)]);
});
