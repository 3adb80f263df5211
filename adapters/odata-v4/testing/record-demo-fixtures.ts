/**
 * Re-records the `recordedFrom: "demo"` cases of fixtures/odata-v4 against a fresh demo service ($ref emulation on).
 * Run: `npx ts-node --transpile-only -P tsconfig.json adapters/odata-v4/testing/record-demo-fixtures.ts`, then read the
 * changed expected.xml files before committing. Cases run in path order against one service, so their order matters
 * (e.g. DeleteEntity/by-entity-id deletes what CreateEntity/seed-people created; ExecuteFunction/action-reset restores the seed).
 */
import path from 'node:path';
import { startDemoService } from '../../../src/demo/demo-service';
import { recordFixtureCases } from '../../../src/testing/record-fixture-cases';
import { odataV4 } from '../index';

async function main(): Promise<void> {
  const demo = await startDemoService({ refs: true });
  try {
    const written = await recordFixtureCases([odataV4], path.join(__dirname, '../../../fixtures/odata-v4'), demo.baseUrl);
    console.log(`recorded ${written.length} cases`);
  } finally {
    await demo.stop();
  }
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
