import fs from 'node:fs';
import path from 'node:path';
import { allConnectors } from './index';

// The README documents every bundled connector and operation: a new one without docs fails here.
describe('README connector documentation', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Connectors'), readme.indexOf('## The command line'));

  it.each(allConnectors.map(c => [c.name, Object.keys(c.operations)] as const))(
    'lists %s and all its operations',
    (name, operations) => {
      expect(table).toContain(`\`${name}\``);
      for (const operation of operations) expect(table).toMatch(new RegExp(`\\b${operation}\\b`));
    }
  );
});
