import fs from 'node:fs';
import type { Connector } from '../connector/connector';
import { createRuntime } from '../runtime/runtime';
import { createAxiosTransport } from '../transport/axios-transport';
import { decodeEnvelope } from './decode-envelope';
import { createCliLogger } from './cli-logger';
import { describeOperation, describeTable } from './describe-table';
import { openOutputFile, stdoutTarget } from './output-target';
import { parseArgs, USAGE, UsageError } from './parse-args';
import type { CliIo } from './cli-io';
import { runDemo, serveDemo, type DemoStep } from './run-demo';

export type { CliIo } from './cli-io';

/** What the composition root hands the CLI. */
export interface CliDeps {
  readonly connectors: readonly Connector[];
  /** Called only by `iflow demo`, so other commands never touch the sample files. */
  readonly demoSteps: () => readonly DemoStep[];
  readonly io: CliIo;
  /** The package version, for `--version`. */
  readonly version: string;
  /** A sample envelope of an operation, for `iflow help <connector> <operation>`. */
  readonly sample?: (connector: string, operation: string) => string | undefined;
  /** Commands `iflow demo --serve` suggests, with `{v4}` and `{v2}` standing for the service URLs. */
  readonly servePrompt?: readonly string[];
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
      case 'version':
        io.stdout(`${deps.version}\n`);
        return 0;
      case 'list':
        io.stdout(
          command.connector === undefined
            ? describeTable(deps.connectors)
            : describeTable([connectorNamed(deps.connectors, command.connector)])
        );
        return 0;
      case 'describe': {
        const connector = connectorNamed(deps.connectors, command.connector);
        if (command.operation === undefined) {
          io.stdout(describeTable([connector]));
          return 0;
        }
        if (connector.operations[command.operation] === undefined)
          throw new UsageError(
            `Connector "${connector.name}" has no operation "${command.operation}"; its operations: ${Object.keys(connector.operations).join(', ')}`
          );
        io.stdout(describeOperation(connector, command.operation, deps.sample?.(connector.name, command.operation)));
        return 0;
      }
      case 'demo':
        return command.serve
          ? await serveDemo(io, deps.servePrompt ?? [])
          : await runDemo(deps.connectors, deps.demoSteps(), io);
      case 'invoke': {
        const input =
          command.inputFile === undefined
            ? undefined
            : command.inputFile === '-'
              ? await readStdin(io)
              : readInput(command.inputFile);
        const logger = createCliLogger(io, command.verbose);
        // Opened before anything is sent: a path that cannot be written is a usage error, not a half-done call.
        const output = command.outputFile === undefined ? stdoutTarget(io) : openOutputFile(command.outputFile);
        // The runtime redacts the dry run's requests: it alone knows every secret (parameters, envelope, headers).
        const runtime = createRuntime(deps.connectors, {
          transport: createAxiosTransport(),
          dryRun: command.dryRun,
          ...(logger.log === undefined ? {} : { log: logger.log })
        });
        const connector = deps.connectors.find(c => c.name === command.connector);
        const params = withCredentials(
          withServiceUrl(command.params, connector),
          command.paramFiles,
          connector,
          io.env ?? {}
        );
        const result = await runtime
          .invoke({
            connector: command.connector,
            operation: command.operation,
            params,
            ...(input === undefined ? {} : { input }),
            // A dry run's answer is its list of requests, written below; a real one streams as it comes.
            ...(command.dryRun ? {} : { output: output.sink }),
            ...(io.signal === undefined ? {} : { signal: io.signal })
          })
          .finally(() => logger.end());
        if (result.requests !== undefined) {
          output.sink.write(`${result.requests.map(r => r.text).join('\n\n')}\n`);
          await output.close();
          // Writes are answered with an empty 204, so a failure after one was built is the dry run's own doing;
          // a failure before (bad envelope, unknown property, unknown operation) is the answer, and says why.
          const built = result.requests.some(r => !r.sent);
          if (result.status === -1 && !built) io.stderr(result.output);
          // The CLI cannot tell a single write whose decoder wanted a body from a read that a later request
          // needed (etag=auto, paging), so the note is true of both.
          else if (result.status === -1) io.stderr(`${DRY_RUN_NOTE}\n${result.output}`);
          return result.status === 1 || built ? 0 : 1;
        }
        await output.close();
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

function connectorNamed(connectors: readonly Connector[], name: string): Connector {
  const found = connectors.find(c => c.name === name);
  if (found === undefined)
    throw new UsageError(`Unknown connector "${name}"; connectors: ${connectors.map(c => c.name).join(', ')}`);
  return found;
}

/**
 * Credentials kept off the command line: `--password-file`/`--token-file`, else IFLOW_PASSWORD (with a user)
 * and IFLOW_TOKEN (without one) from the environment, where the connector takes them and none was given.
 */
function withCredentials(
  params: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>>,
  connector: Connector | undefined,
  env: Readonly<Record<string, string | undefined>>
): Readonly<Record<string, string>> {
  const filled: Record<string, string> = { ...params };
  for (const [name, file] of Object.entries(files)) filled[name] = readSecretFile(file, name);
  const takes = (name: string): boolean => connector !== undefined && name in connector.params;
  const given = filled.password !== undefined || filled.token !== undefined;
  if (!given && takes('password') && filled.user !== undefined && env.IFLOW_PASSWORD !== undefined)
    filled.password = env.IFLOW_PASSWORD;
  else if (!given && takes('token') && filled.user === undefined && env.IFLOW_TOKEN !== undefined)
    filled.token = env.IFLOW_TOKEN;
  return filled;
}

function readSecretFile(file: string, name: string): string {
  try {
    // a file written by `echo` ends with a newline that is not part of the secret
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new UsageError(
      `Cannot read the ${name} file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
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
