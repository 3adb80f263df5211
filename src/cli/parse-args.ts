/** A parsed command line. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list' }
  | { readonly kind: 'demo' }
  | {
      readonly kind: 'invoke';
      readonly connector: string;
      readonly operation: string;
      /** '-' = standard input; undefined = no envelope. */
      readonly inputFile: string | undefined;
      /** Where the result goes; standard output when undefined. */
      readonly outputFile: string | undefined;
      readonly params: Readonly<Record<string, string>>;
      readonly dryRun: boolean;
      readonly verbose: boolean;
    };

/** A command line that does not parse; the CLI exits 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  iflow list                                   connectors, operations and their parameters
  iflow invoke <connector> <operation> [options]
      --input FILE | -                         the XML request envelope (- reads standard input)
      --output FILE                            write the result XML to FILE as it comes (default: standard output)
      --param name=value                       a parameter (repeatable)
      --service-url URL                        shorthand for the connector's service URL parameter
      --user U --password P | --token T        credentials
      --dry-run                                print the HTTP request(s) instead of sending them
      --verbose                                log requests to standard error (secrets redacted)
  iflow demo                                   start the embedded demo OData service and run the sample envelopes
Exit codes: 0 = status 1, 1 = status -1, 2 = usage error.`;

/** Parses argv (without node and script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help' };
    case 'list':
      return { kind: 'list' };
    case 'demo':
      return { kind: 'demo' };
    case 'invoke':
      return parseInvoke(rest);
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

const SHORTHANDS: Readonly<Record<string, string>> = {
  '--service-url': 'serviceUrl',
  '--user': 'user',
  '--password': 'password',
  '--token': 'token'
};

function parseInvoke(args: readonly string[]): CliCommand {
  const positional: string[] = [];
  const params: Record<string, string> = {};
  let inputFile: string | undefined;
  let outputFile: string | undefined;
  let dryRun = false;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const set = (name: string, v: string): void => {
      // values are not quoted: the parameter may be a password
      if (params[name] !== undefined && params[name] !== v)
        throw new UsageError(`Parameter "${name}" is given twice with different values; give it once`);
      params[name] = v;
    };
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--input') inputFile = value();
    else if (arg === '--output') outputFile = value();
    else if (arg === '--param') {
      const pair = value();
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--param needs name=value, got "${pair}"`);
      set(pair.slice(0, eq), pair.slice(eq + 1));
    } else if (arg in SHORTHANDS) set(SHORTHANDS[arg] ?? arg, value());
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  const [connector, operation, extra] = positional;
  if (connector === undefined || operation === undefined) throw new UsageError('invoke needs <connector> <operation>');
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"`);
  return { kind: 'invoke', connector, operation, inputFile, outputFile, params, dryRun, verbose };
}
