import path from 'node:path';
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { odataV2 } from './index';

// Replays every case folder of fixtures/odata-v2 with the network locked: recordings from the demo
// service (recordedFrom "demo", re-record with `npm run record -- fixtures/odata-v2`) and hand-built
// exchanges around the public recordings of ../shared/fixtures/public (see each case.json).
describeFixtureCases([odataV2], path.join(__dirname, '../../fixtures/odata-v2'));
