// Sources: every fact these fixtures rely on (paths, bodies, error codes, permissions) is listed with its Progress page in README.md ("Sources").
import path from 'node:path';
import { receivedRequestOf } from '../../src/rest/testing/test-http-server';
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { odataV2 } from '../odata-v2';
import { odataV4 } from '../odata-v4';
import { verifyBasicLogin } from './testing/hdp-test-server';
import { hdp } from './index';

// Model and data-source bodies carry back-end passwords: recordings hold '***', and the live request is redacted the same way before matching.
// fixtures/hdp/odata-v4/ and odata-v2/: the OData connectors reading and writing an HDP OData 4 endpoint (see README.md).
// Recordings hold the Authorization as '***'; each replayed request is checked to carry Basic auth for the case's login.
describeFixtureCases([hdp, odataV4, odataV2], path.join(__dirname, '../../fixtures/hdp'), {
  verifyRequest: c => {
    const { user = '', password = '' } = c.spec.params ?? {};
    return request => verifyBasicLogin(receivedRequestOf(request), user, password);
  }
});
