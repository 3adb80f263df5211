import fs from 'node:fs';
import type { Connector } from '../connector/connector';
import { createRuntime } from '../runtime/runtime';
import { createAxiosTransport } from '../transport/axios-transport';
import { decodeEnvelope } from './decode-envelope';
import { createCliLogger } from './cli-logger';
import { describeTable } from './describe-table';
import { openOutputFile, stdoutTarget } from './output-target';
import { parseArgs, USAGE, UsageError } from './parse-args';
import type { CliIo } from './cli-io';
import { runDemo, type DemoStep } from './run-demo';

export type { CliIo } from './cli-io';

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
        const input =
          command.inputFile === undefined
            ? undefined
            : command.inputFile === '-'
              ? await readStdin(io)
              : readInput(command.inputFile);
        const logger = createCliLogger(io, command.verbose);
        // Opened before anything is sent: a path that cannot be written is a usage error, not a half-done call.
        const target = command.outputFile === undefined ? stdoutTarget(io) : openOutputFile(command.outputFile);
        // The runtime redacts the dry run's requests: it alone knows every secret (parameters, envelope, headers).
        const runtime = createRuntime(deps.connectors, {
          transport: createAxiosTransport(),
          dryRun: command.dryRun,
          ...(logger.log === undefined ? {} : { log: logger.log })
        });
        const params = withServiceUrl(
          command.params,
          deps.connectors.find(c => c.name === command.connector)
        );
        const result = await runtime
          .invoke({
            connector: command.connector,
            operation: command.operation,
            params,
            ...(input === undefined ? {} : { input }),
            // A dry run's answer is its list of requests, written below; a real one streams as it comes.
            ...(command.dryRun ? {} : { output: target.sink }),
            ...(io.signal === undefined ? {} : { signal: io.signal })
          })
          .finally(() => logger.end());
        if (result.requests !== undefined) {
          target.sink.write(`${result.requests.map(r => r.text).join('\n\n')}\n`);
          await target.close();
          // Writes are answered with an empty 204, so a failure after one was built is the dry run's own doing;
          // a failure before (bad envelope, unknown property, unknown operation) is the answer, and says why.
          const built = result.requests.some(r => !r.sent);
          if (result.status === -1 && !built) io.stderr(result.output);
          // The CLI cannot tell a single write whose decoder wanted a body from a read that a later request
          // needed (etag=auto, paging), so the note is true of both.
          else if (result.status === -1) io.stderr(`${DRY_RUN_NOTE}\n${result.output}`);
          return result.status === 1 || built ? 0 : 1;
        }
        await target.close();
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

const DRY_RUN_NOTE =
  "Dry run: the requests above were not sent ($metadata reads excepted); each was answered with an empty 204, so the result below is what the connector makes of that, not the service's answer. " +
  'A request that depends on an earlier answer (the next page, a write after etag=auto) is not built: the dry run stops there.';

/** `--service-url` names the connector's own URL parameter where it has another name (hdp `serverUrl`, mrs `endpoint`). */
function withServiceUrl(
  params: Readonly<Record<string, string>>,
  connector: Connector | undefined
): Readonly<Record<string, string>> {
  const url = params.serviceUrl;
  if (url === undefined || connector === undefined || 'serviceUrl' in connector.params) return params;
  const [name] =
    Object.entries(connector.params).find(([, spec]) => spec.type === 'url' && spec.required === true) ?? [];
  if (name === undefined) return params;
  const { serviceUrl: _, ...rest } = params;
  if (name in params && params[name] !== url)
    throw new UsageError(`--service-url and --param ${name}= give different URLs; give one of them`);
  return { ...rest, [name]: url };
}

function readInput(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read --input ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return decodeEnvelope(bytes, `--input ${file}`);
}

async function readStdin(io: CliIo): Promise<string> {
  const input = await io.readStdin();
  return typeof input === 'string' ? input : decodeEnvelope(input, 'Standard input');
}
