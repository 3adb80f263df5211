import { allConnectors } from './index';
import { loadFuzzSeeds } from './testing/fuzz/fuzz-seeds';
import { runFuzz } from './testing/fuzz/fuzz-run';

// A fixed-seed sample of `npm run fuzz` (which runs 100,000): mutated envelopes and parameters of every recorded
// case, against a stand-in of its service that injects resets, timeouts, error statuses and broken bodies.
describe('fuzzing every operation with hostile input and a failing service', () => {
  it('answers 3,000 generated invocations without a crash, an INTERNAL error, an unnamed message or a hang', async () => {
    const seeds = loadFuzzSeeds();
    const report = await runFuzz(allConnectors, seeds, { count: 3000, seed: 20261205 });
    expect(report.operations).toBeGreaterThanOrEqual(45);
    expect(report.examples).toEqual([]);
    expect(report.findings).toEqual({ crash: 0, internal: 0, unnamed: 0, hang: 0, 'sent-invalid': 0 });
    // the sample reaches past input checking: some invocations succeed, and faults were injected
    expect(report.byStatus.done).toBeGreaterThan(50);
    expect(report.faultsInjected).toBeGreaterThan(300);
  }, 120_000);
});
