// Re-records the fixture cases that came from the demo service: `npm run record -- [folder...]`
// (default: every connector's fixtures). Each case gets a fresh service (with the CSRF and $ref/$links
// switches its case.json asks for, and its `demo.cdsConfig` as CDS_CONFIG), so no case sees another's writes. Read the diff before committing.
import path from 'node:path';
import { startDemoService } from '../src/demo/demo-service';
import { findFixtureCases } from '../src/testing/fixture-case';
import { recordFixtureCases } from '../src/testing/record-fixture-cases';
import { allConnectors } from './index';

async function main(): Promise<void> {
  const roots = process.argv.slice(2);
  const folders = roots.length > 0 ? roots.map(r => path.resolve(r)) : [path.join(__dirname, '..', 'fixtures')];
  const cases = folders.flatMap(root => findFixtureCases(root)).filter(c => c.spec.recordedFrom === 'demo');
  for (const c of cases) {
    const cdsConfig = c.spec.demo?.cdsConfig;
    const service = await startDemoService({
      csrf: c.spec.demo?.csrf ?? false,
      refs: c.spec.demo?.refs ?? true,
      ...(cdsConfig === undefined ? {} : { env: { CDS_CONFIG: JSON.stringify(cdsConfig) } })
    });
    try {
      await recordFixtureCases(allConnectors, c.dir, service.baseUrl);
      process.stdout.write(`recorded ${path.relative(process.cwd(), c.dir)}\n`);
    } finally {
      await service.stop();
    }
  }
  process.stdout.write(`${cases.length} case(s) recorded\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
