import fs from 'node:fs';
import path from 'node:path';
import { errorCodes } from './connector-error';

// The README's error table and the catalogue must list the same codes with the same meanings.
describe('error code catalogue', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map(m => [m[1], m[2]]);

  it('documents every code in README.md, with its meaning', () => {
    expect(Object.fromEntries(documented)).toEqual(errorCodes);
  });
});
