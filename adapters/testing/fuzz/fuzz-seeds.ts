import path from 'node:path';
import { findFixtureCases } from '../../../src/testing/fixture-case';
import type { RecordedExchange } from '../../../src/transport/exchange';

/** One recorded invocation the fuzzer mutates: what was asked, and what the service answered. */
export interface FuzzSeed {
  readonly name: string;
  readonly connector: string;
  readonly operation: string;
  readonly params: Readonly<Record<string, string>>;
  readonly input: string | undefined;
  readonly exchanges: readonly RecordedExchange[];
  readonly now: string;
}

/** Every fixture case of every connector (fixtures/<connector>/<Operation>/<case>): all operations, real answers. */
export function loadFuzzSeeds(root = path.join(__dirname, '../../../fixtures')): FuzzSeed[] {
  return findFixtureCases(root)
    .filter(c => !c.dir.includes(`${path.sep}public${path.sep}`))
    .map(c => ({
      name: path.relative(root, c.dir),
      connector: c.spec.connector,
      operation: c.spec.operation,
      params: c.spec.params ?? {},
      input: c.input,
      exchanges: c.exchanges,
      now: c.spec.now ?? '2026-01-01T00:00:00Z'
    }));
}
