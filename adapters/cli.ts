#!/usr/bin/env node
// The `iflow` command: the CLI core (src/cli) wired to the bundled connectors and demo samples.
import { runCli } from '../src/cli/run-cli';
import { demoSteps } from './demo-steps';
import { allConnectors } from './index';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// The first Ctrl-C stops the invocation cleanly (status -1 ABORTED, the document closed); a second one exits.
const interrupted = new AbortController();
process.once('SIGINT', () => {
  interrupted.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), {
  connectors: allConnectors,
  demoSteps,
  io: {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    readStdin,
    stdoutSink: process.stdout,
    stderrIsTerminal: process.stderr.isTTY,
    signal: interrupted.signal
  }
}).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`iflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
);
