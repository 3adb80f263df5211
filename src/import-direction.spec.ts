import fs from 'node:fs';
import path from 'node:path';

// The core must not know its connectors: nothing under src/ may import from adapters/.
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
    );
}

describe('dependency direction', () => {
  it('src/ never imports from adapters/', () => {
    const offenders = sourceFiles(__dirname).filter(f =>
      /(from|require\()\s*['"](\.\.\/)+adapters\b/.test(fs.readFileSync(f, 'utf8'))
    );
    expect(offenders).toEqual([]);
  });

  // Test support (testing/ folders, the recorder, test servers) may also reach test helpers and the demo service.
  it('adapters import the core only through src/sdk (or src/index, the CLI and the doc renderers for the composition root)', () => {
    const adapters = path.join(__dirname, '..', 'adapters');
    const offenders = sourceFiles(adapters)
      .filter(f => !f.endsWith('.spec.ts') && !f.includes(`${path.sep}testing${path.sep}`))
      .flatMap(f =>
        [...fs.readFileSync(f, 'utf8').matchAll(/from\s+['"]((?:\.\.\/)+src\/[^'"]+)['"]/g)].map(
          m => `${path.relative(adapters, f)}: ${m[1]}`
        )
      )
      .filter(line => !/src\/(sdk|index|cli\/run-cli|cli\/run-demo|docs\/render-[\w-]+)$/.test(line))
      .filter(line => !/src\/(testing|demo|\w+\/testing)\//.test(line));
    expect(offenders).toEqual([]);
  });
});
