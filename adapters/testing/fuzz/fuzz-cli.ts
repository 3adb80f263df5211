// `npm run fuzz [-- --count=N --seed=S --readme]`: N generated envelopes (default 100,000) over every recorded case,
// against a fault-injecting stand-in of each service; prints the counts and, with --readme, writes them into the
// README's Reliability section. Exits 1 when anything was found.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allConnectors } from '../../index';
import { loadFuzzSeeds } from './fuzz-seeds';
import { runFuzz, type FuzzReport } from './fuzz-run';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      readme: { type: 'boolean' }
    }
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const seeds = loadFuzzSeeds();
  const started = Date.now();
  const report = await runFuzz(allConnectors, seeds, {
    count,
    seed,
    onProgress: n => process.stderr.write(`\r${n} / ${count}`)
  });
  process.stderr.write('\n');
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`${JSON.stringify({ ...report, seconds }, null, 2)}\n`);
  if (values.readme === true) writeReadme(report);
  const total = Object.values(report.findings).reduce((a, b) => a + b, 0);
  process.exitCode = total === 0 ? 0 : 1;
}

const START = '<!-- fuzz:start -->';
const END = '<!-- fuzz:end -->';

/** Replaces the figures between the README's fuzz markers. */
function writeReadme(report: FuzzReport): void {
  const file = path.join(__dirname, '../../../README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const f = report.findings;
  const line =
    `Last \`npm run fuzz\` (seed ${report.seed}): ${report.envelopes.toLocaleString('en')} generated envelopes over ` +
    `${report.operations} operations, ${report.faultsInjected.toLocaleString('en')} injected faults; ` +
    `${f.crash} crashes, ${f.internal} INTERNAL, ${f.unnamed} unnamed messages, ${f.hang} hangs, ` +
    `${f['sent-invalid']} writes sent for invalid input.`;
  const at = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (at < 0 || end < at) throw new Error(`README.md has no ${START} … ${END} block`);
  fs.writeFileSync(file, `${readme.slice(0, at + START.length)}\n${line}\n${readme.slice(end)}`);
}

void main();
