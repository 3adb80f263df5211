#!/usr/bin/env node
// The `iflow` command: the CLI core (src/cli) wired to the bundled connectors and demo samples.
import { runCli } from '../src/cli/run-cli';
import fs from 'node:fs';
import path from 'node:path';
import { demoSteps, sampleEnvelope, servePrompt } from './demo-steps';
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

// adapters/cli.ts runs from adapters/ (ts-node) and from dist/adapters/ (built): package.json is above either.
function packageVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

runCli(process.argv.slice(2), {
  connectors: allConnectors,
  demoSteps,
  version: packageVersion(),
  sample: sampleEnvelope,
  servePrompt,
  io: {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    readStdin,
    stdoutSink: process.stdout,
    stderrIsTerminal: process.stderr.isTTY,
    signal: interrupted.signal,
    env: process.env
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
