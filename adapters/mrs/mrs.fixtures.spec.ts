import path from 'node:path';
import { describeRedactedFixtureCases } from '../../src/mgmt/testing/describe-redacted-fixture-cases';
import { mrs } from './index';

// Request bodies carry source_info passwords: recordings hold '***', and the live request is redacted the same way before matching.
describeRedactedFixtureCases([mrs], path.join(__dirname, '../../fixtures/mrs'));
