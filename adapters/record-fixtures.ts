// Re-records the fixture cases that came from the demo service: `npm run record -- [folder...]`
// (default: every connector's fixtures). Cases run in path order; consecutive cases with the same
// demo-service switches share one fresh service, so a case may rely on what an earlier case in its
// folder wrote (e.g. DeleteEntity removes what CreateEntity made). Read the diff before committing.
import path from 'node:path';
import { startDemoService } from '../src/demo/demo-service';
import { findFixtureCases, type FixtureCase } from '../src/testing/fixture-case';
import { recordFixtureCases } from '../src/testing/record-fixture-cases';
import { allConnectors } from './index';

function switches(c: FixtureCase): { csrf: boolean; refs: boolean } {
  return { csrf: c.spec.demo?.csrf ?? false, refs: c.spec.demo?.refs ?? true };
}

async function main(): Promise<void> {
  const roots = process.argv.slice(2);
  const folders = roots.length > 0 ? roots.map(r => path.resolve(r)) : [path.join(__dirname, '..', 'fixtures')];
  const cases = folders.flatMap(root => findFixtureCases(root)).filter(c => c.spec.recordedFrom === 'demo');
  let i = 0;
  while (i < cases.length) {
    const first = cases[i] as FixtureCase;
    const key = JSON.stringify(switches(first));
    const service = await startDemoService(switches(first));
    try {
      for (; i < cases.length && JSON.stringify(switches(cases[i] as FixtureCase)) === key; i++) {
        const c = cases[i] as FixtureCase;
        await recordFixtureCases(allConnectors, c.dir, service.baseUrl);
        process.stdout.write(`recorded ${path.relative(process.cwd(), c.dir)}\n`);
      }
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
