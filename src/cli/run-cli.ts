import fs from 'node:fs';
import type { Connector } from '../connector/connector';
import { createRuntime } from '../runtime/runtime';
import { createAxiosTransport } from '../transport/axios-transport';
import { redactSecrets } from '../transport/redact';
import { describeTable } from './describe-table';
import { createDryRunTransport, formatRequests } from './dry-run-transport';
import { parseArgs, USAGE, UsageError } from './parse-args';
import { runDemo, type DemoStep } from './run-demo';

/** Where the CLI reads and writes; injected so specs can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

/** What the composition root hands the CLI. */
export interface CliDeps {
  readonly connectors: readonly Connector[];
  /** Called only by `iflow demo`, so other commands never touch the sample files. */
  readonly demoSteps: () => readonly DemoStep[];
  readonly io: CliIo;
}

/** Runs one command line and returns the exit code: 0 = status 1, 1 = status -1, 2 = usage error. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'list':
        io.stdout(describeTable(createRuntime(deps.connectors).table));
        return 0;
      case 'demo':
        return await runDemo(deps.connectors, deps.demoSteps(), io);
      case 'invoke': {
        const input = command.inputFile === undefined ? undefined : command.inputFile === '-' ? await io.readStdin() : readInput(command.inputFile);
        const secrets = ['password', 'token'].map(k => command.params[k]).filter((v): v is string => v !== undefined);
        const log = command.verbose ? (level: string, message: string) => io.stderr(`[${level}] ${message}\n`) : undefined;
        const network = createAxiosTransport();
        const dryRun = command.dryRun ? createDryRunTransport(network) : undefined;
        const runtime = createRuntime(deps.connectors, { transport: dryRun ?? network, ...(log === undefined ? {} : { log }) });
        const result = await runtime.invoke({ connector: command.connector, operation: command.operation, params: command.params, ...(input === undefined ? {} : { input }) });
        if (dryRun !== undefined) {
          io.stdout(`${redactSecrets(formatRequests(dryRun.captured), secrets)}\n`);
          // A dry run that fails before building any request (bad envelope, unknown operation) still says why.
          if (dryRun.captured.length === 0) io.stderr(result.output);
          return dryRun.captured.length > 0 ? 0 : 1;
        }
        io.stdout(result.output);
        return result.status === 1 ? 0 : 1;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read --input ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
