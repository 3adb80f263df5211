import path from 'node:path';
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { mrs } from './index';

// Request bodies carry source_info passwords: recordings hold '***', and the live request is redacted the same way before matching.
describeFixtureCases([mrs], path.join(__dirname, '../../fixtures/mrs'));
