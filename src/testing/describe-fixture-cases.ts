import path from 'node:path';
import type { Connector } from '../connector/connector';
import { createMemoryCache } from '../runtime/memory-cache';
import { createRuntime } from '../runtime/runtime';
import { createFixtureTransport } from '../transport/fixture-transport';
import { findFixtureCases, type FixtureCase } from './fixture-case';

/**
 * Registers one jest test per case folder below `root`: the case is invoked with the network locked,
 * answered only from its recorded exchanges; the status and output must equal the golden files, every
 * request must match a recording and every recording must be used.
 */
export function describeFixtureCases(connectors: readonly Connector[], root: string): void {
  const cases = findFixtureCases(root);
  describe(`recorded exchanges in ${path.relative(process.cwd(), root)}`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(`${path.relative(root, c.dir)}: ${c.spec.description}`, async () => {
        const { status, output, unmatched, unused } = await replayFixtureCase(connectors, c);
        expect(unmatched).toEqual([]);
        expect(output).toBe(c.expected);
        expect(status).toBe(c.spec.status);
        expect(unused).toEqual([]);
      });
    }
  });
}

/** Invokes one case against its recordings. */
export async function replayFixtureCase(
  connectors: readonly Connector[],
  c: FixtureCase
): Promise<{ status: number; output: string; unmatched: readonly string[]; unused: string[] }> {
  const transport = createFixtureTransport(c.exchanges);
  const runtime = createRuntime(connectors, {
    transport,
    cache: createMemoryCache(),
    now: () => new Date(c.spec.now ?? '2026-01-01T00:00:00Z')
  });
  const result = await runtime.invoke({
    connector: c.spec.connector,
    operation: c.spec.operation,
    ...(c.spec.params === undefined ? {} : { params: c.spec.params }),
    ...(c.input === undefined ? {} : { input: c.input })
  });
  return { ...result, unmatched: transport.unmatched, unused: transport.unused() };
}
