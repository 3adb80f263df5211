import path from 'node:path';
import { describeRedactedFixtureCases } from '../../src/mgmt/testing/describe-redacted-fixture-cases';
import { hdp } from './index';

// Model and data-source bodies carry back-end passwords: recordings hold '***', and the live request is redacted the same way before matching.
describeRedactedFixtureCases([hdp], path.join(__dirname, '../../fixtures/hdp'));
