import fc from 'fast-check';
import type { Connector } from '../../../src/connector/connector';
import { createMemoryCache } from '../../../src/runtime/memory-cache';
import { createRuntime } from '../../../src/runtime/runtime';
import { fuzzCase, type FuzzCase } from './fuzz-mutations';
import type { FuzzSeed } from './fuzz-seeds';
import { createFuzzTransport, type SeenRequest } from './fuzz-transport';

/** What went wrong in one generated invocation, if anything. */
export type FuzzFinding =
  | 'crash' // invoke threw instead of answering
  | 'internal' // an INTERNAL error: a bug surfaced
  | 'unnamed' // an error message that names nothing (empty, "undefined", "[object Object]")
  | 'hang' // no answer before the invocation deadline
  | 'sent-invalid'; // a write went out although the input was refused as invalid

export interface FuzzReport {
  readonly seed: number;
  readonly envelopes: number;
  readonly operations: number;
  readonly faultsInjected: number;
  readonly byStatus: { readonly done: number; readonly failed: number };
  readonly findings: Readonly<Record<FuzzFinding, number>>;
  /** The first few findings, to reproduce: seed case, input, params, faults, what happened. */
  readonly examples: ReadonlyArray<{ readonly finding: FuzzFinding; readonly seed: string; readonly detail: string }>;
}

const INPUT_REFUSED = /^<Error code="(ENVELOPE_INVALID|PARAMETER_INVALID|PARAMETER_MISSING)"/m;
const DEADLINE_MS = 10_000;

/**
 * Runs `count` generated invocations, spread evenly over the seeds (so every operation is hit), against the fuzzing
 * service of each seed, and counts the findings. Deterministic for a given `seed`.
 */
export async function runFuzz(
  connectors: readonly Connector[],
  seeds: readonly FuzzSeed[],
  options: { readonly count: number; readonly seed: number; readonly onProgress?: (done: number) => void }
): Promise<FuzzReport> {
  const findings: Record<FuzzFinding, number> = { crash: 0, internal: 0, unnamed: 0, hang: 0, 'sent-invalid': 0 };
  const examples: Array<{ finding: FuzzFinding; seed: string; detail: string }> = [];
  let done = 0;
  let failed = 0;
  let faultsInjected = 0;
  const perSeed = Math.ceil(options.count / seeds.length);
  let run = 0;
  for (const [i, seed] of seeds.entries()) {
    const cases = fc.sample(fuzzCase(seed), {
      numRuns: Math.min(perSeed, options.count - run),
      seed: options.seed + i
    });
    for (const c of cases) {
      const { status, output, seen, finding } = await invokeCase(connectors, c);
      faultsInjected += c.faults.slice(0, seen.length).filter(f => f !== 'none').length;
      if (status === 1) done += 1;
      else failed += 1;
      for (const f of finding) {
        findings[f] += 1;
        if (examples.length < 20) examples.push({ finding: f, seed: seed.name, detail: describeCase(c, output) });
      }
      run += 1;
      if (run % 1000 === 0) options.onProgress?.(run);
    }
  }
  const operations = new Set(seeds.map(s => `${s.connector} ${s.operation}`)).size;
  return {
    seed: options.seed,
    envelopes: run,
    operations,
    faultsInjected,
    byStatus: { done, failed },
    findings,
    examples
  };
}

async function invokeCase(
  connectors: readonly Connector[],
  c: FuzzCase
): Promise<{ status: number; output: string; seen: SeenRequest[]; finding: FuzzFinding[] }> {
  const { transport, seen } = createFuzzTransport(c.seed.exchanges, c.faults, c.cut);
  const runtime = createRuntime(connectors, {
    transport,
    cache: createMemoryCache(),
    now: () => new Date(c.seed.now),
    deadlineMs: DEADLINE_MS
  });
  let status = 0;
  let output = '';
  try {
    const result = await runtime.invoke({
      connector: c.seed.connector,
      operation: c.seed.operation,
      params: c.params,
      ...(c.input === undefined ? {} : { input: c.input })
    });
    ({ status, output } = result);
  } catch (error) {
    return { status: -1, output: String(error), seen, finding: ['crash'] };
  }
  return { status, output, seen, finding: classify(output, seen) };
}

function classify(output: string, seen: readonly SeenRequest[]): FuzzFinding[] {
  const found: FuzzFinding[] = [];
  if (output.includes('code="INTERNAL"')) found.push('internal');
  if (output.includes('code="ABORTED"')) found.push('hang');
  const messages = [...output.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map(m => m[1] ?? '');
  if (messages.some(m => m.trim().length < 10 || /\bundefined\b|\[object \w+\]/.test(m))) found.push('unnamed');
  if (INPUT_REFUSED.test(output) && seen.some(r => r.method !== 'GET' && r.method !== 'HEAD'))
    found.push('sent-invalid');
  return found;
}

function describeCase(c: FuzzCase, output: string): string {
  const input = c.input === undefined ? '' : c.input.length > 300 ? `${c.input.slice(0, 300)}…` : c.input;
  return JSON.stringify({ input, params: c.params, faults: c.faults, output: output.slice(0, 600) });
}
