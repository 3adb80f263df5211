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
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { mrs } from './index';

// Request bodies carry source_info passwords: recordings hold '***', and the live request is redacted the same way before matching.
// AK/SK cases record the exact SDK-HMAC-SHA256 Authorization (X-Sdk-Date from the pinned clock; the fixture SK is not a real one).
describeFixtureCases([mrs], path.join(__dirname, '../../fixtures/mrs'));
