import path from 'node:path';
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { odataV4 } from './index';

// Every case under fixtures/odata-v4 replayed with the network locked: recorded from the demo service
// (recordedFrom "demo"), hand-built, or built from public recordings (fixtures/odata-v4/public, see NOTICE).
describeFixtureCases([odataV4], path.join(__dirname, '../../fixtures/odata-v4'));
