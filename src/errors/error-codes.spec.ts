import fs from 'node:fs';
import path from 'node:path';
import { errorCodes } from './connector-error';

// docs/errors.md's table and the catalogue must list the same codes with the same meanings.
describe('error code catalogue', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map(m => [m[1], m[2]]);

  it('documents every code in docs/errors.md, with its meaning', () => {
    expect(Object.fromEntries(documented)).toEqual(errorCodes);
  });
});
