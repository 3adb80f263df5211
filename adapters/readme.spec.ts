import fs from 'node:fs';
import path from 'node:path';
import { allConnectors } from './index';

const root = path.join(__dirname, '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

// README.md is the front door: short, the two commands first, and a link to each connector's page.
describe('README.md', () => {
  const readme = read('README.md');

  it('stays under 8,000 characters', () => {
    expect(readme.length).toBeLessThan(8000);
  });

  it('opens, after the title, with exactly the two commands in one sh block', () => {
    const opening = /^# iflow-connectors\n\n```sh\n([\s\S]*?)\n```\n/.exec(readme);
    expect(opening).not.toBeNull();
    const commands = (opening?.[1] ?? '').split('\n').map(line => line.replace(/#.*$/, '').trim());
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it.each(allConnectors.map(c => c.name))('links the reference page of %s', name => {
    expect(readme).toContain(`[\`${name}\`](docs/connectors/${name}.md)`);
  });
});

// Every bundled connector and operation has hand-written docs: a new one without an example fails here.
// (Parameters and envelope modes are generated from the table; see generated-docs.spec.ts.)
describe('connector guides', () => {
  it.each(allConnectors.map(c => [c.name, Object.keys(c.operations)] as const))(
    'docs/guides/%s.md covers all its operations',
    (name, operations) => {
      const guide = read(`docs/guides/${name}.md`);
      for (const operation of operations) expect(guide).toMatch(new RegExp(`\\b${operation}\\b`));
    }
  );
});

// A relative link in README.md or docs/ must lead to a file that exists (anchors are not checked).
describe('documentation links', () => {
  const markdown = (dir: string): string[] =>
    fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap(e =>
        e.isDirectory() ? markdown(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []
      );
  const files = ['README.md', ...markdown('docs')];

  it.each(files)('%s links only to files that exist', file => {
    const text = read(file).replace(/```[\s\S]*?```/g, '');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map(m => m[1] ?? '')
      .filter(href => !/^[a-z][a-z+.-]*:/i.test(href) && !href.startsWith('#'))
      .filter(href => !fs.existsSync(path.join(root, path.dirname(file), href.replace(/#.*$/, ''))));
    expect(broken).toEqual([]);
  });
});
