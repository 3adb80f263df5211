import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoService, type DemoService } from './demo/demo-service';

// What a user of the published package gets: `npm pack`, install the tarball into an empty folder
// (dependencies only, from the local npm cache when it has them), then use the API and the bin.
const ROOT = path.join(__dirname, '..');
let dir: string;
let demo: DemoService;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-pack-'));
  const npm = (args: string[], cwd: string): string =>
    execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = npm(['pack', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').pop() ?? '';
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, tarball)], dir);
  demo = await startDemoService();
}, 180_000);
afterAll(async () => {
  await demo?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the packed package, installed in an empty folder', () => {
  it('ships built code, types and the demo files, and no specs or test helpers', () => {
    const installed = path.join(dir, 'node_modules', 'iflow-connectors');
    expect(fs.existsSync(path.join(installed, 'dist', 'adapters', 'index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'fixtures', 'demo-service', 'srv', 'service.cds'))).toBe(true);
    const files = execFileSync('find', [installed, '-name', '*.spec.*', '-o', '-path', '*/testing/*'], {
      encoding: 'utf8'
    }).trim();
    expect(files).toBe('');
  });

  it('installs only what runs: no xmlbuilder2 or SAP Cloud SDK, and no shipped type needs them', () => {
    // Both are dev dependencies (the benchmark's baseline; a compile-time check of the Edm tables).
    for (const dev of ['xmlbuilder2', '@sap-cloud-sdk']) {
      expect(fs.existsSync(path.join(dir, 'node_modules', dev))).toBe(false);
    }
    const installed = path.join(dir, 'node_modules', 'iflow-connectors');
    const grep = spawnSync(
      'grep',
      [
        '-rlE',
        String.raw`(require\(|from |import\()['"](xmlbuilder2|@sap-cloud-sdk)`,
        '--include=*.d.ts',
        '--include=*.js',
        installed
      ],
      {
        encoding: 'utf8'
      }
    );
    expect(grep.stdout).toBe('');
  });

  it('invokes a connector through the package API', () => {
    const script = `require('iflow-connectors').invoke({ connector: 'odata-v4', operation: 'ReadSingleEntity', params: { serviceUrl: '${demo.v4Url}', entitySet: 'Products', entityId: '4' } }).then(r => console.log(r.status + ' ' + r.output))`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/^1 <\?xml/);
    expect(out).toContain('<Value type="String" name="Name">Ergo Screen</Value>');
  });

  it('runs the iflow bin', () => {
    const out = execFileSync(path.join(dir, 'node_modules', '.bin', 'iflow'), ['list'], { encoding: 'utf8' });
    for (const name of ['odata-v4', 'odata-v2', 'hdp', 'mrs', 'dataworks']) expect(out).toContain(`${name}:`);
  });
});
