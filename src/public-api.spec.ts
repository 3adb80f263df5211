import fs from 'node:fs';
import path from 'node:path';
import { API_REPORT, renderApiReport, unusedSdkExports } from './testing/api-report';

// The public surface is reviewed on purpose: every export of the package's entry points is listed in
// docs/public-api.md, and a change shows as a diff of that file (`npm run api` rewrites it).
describe('the public API', () => {
  it(`matches ${API_REPORT}`, () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', API_REPORT), 'utf8');
    if (committed !== renderApiReport()) throw new Error(`${API_REPORT} is stale: run npm run api and review the diff`);
  }, 60_000);

  it('exports nothing test-only to connector authors: every function and constant of the sdk is used by what ships', () => {
    expect(unusedSdkExports()).toEqual([]);
  }, 60_000);
});
