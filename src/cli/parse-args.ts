import { parseArgs as parseNodeArgs } from 'node:util';

/** A parsed command line. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list'; readonly connector?: string }
  | { readonly kind: 'describe'; readonly connector: string; readonly operation?: string }
  | { readonly kind: 'demo'; readonly serve: boolean }
  | {
      readonly kind: 'invoke';
      readonly connector: string;
      readonly operation: string;
      /** '-' = standard input; undefined = no envelope. */
      readonly inputFile: string | undefined;
      /** Where the result goes; standard output when undefined. */
      readonly outputFile: string | undefined;
      readonly params: Readonly<Record<string, string>>;
      /** Parameters whose value is read from a file (`--password-file`), by parameter name. */
      readonly paramFiles: Readonly<Record<string, string>>;
      readonly dryRun: boolean;
      readonly verbose: boolean;
    };

/** A command line that does not parse; the CLI exits 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  iflow list [connector]                       connectors (or one), operations and their parameters
  iflow help <connector> [operation]           one connector or operation: parameters and a sample envelope
  iflow invoke <connector> <operation> [options]
      --input FILE | -                         the XML request envelope (- reads standard input)
      --output FILE                            write the result XML to FILE as it comes (default: standard output)
      --param name=value                       a parameter (repeatable)
      --service-url URL                        shorthand for the connector's service URL parameter
      --user U                                 user name
      --password-file F | --token-file F       the password or token, read from a file
      --password P | --token T                 the same on the command line (ps and shell history keep it)
      --dry-run                                print the HTTP request(s) instead of sending them
      --verbose                                log requests to standard error (secrets redacted)
  iflow demo [--serve]                         run the sample envelopes against the embedded demo OData service
                                               (--serve: keep it running and print its URLs)
  iflow --version
Options take --name value or --name=value. IFLOW_PASSWORD and IFLOW_TOKEN in the environment are used
when no password or token is given. Exit codes: 0 = status 1, 1 = status -1, 2 = usage error.`;

const OPTIONS = {
  input: { type: 'string' },
  output: { type: 'string' },
  param: { type: 'string', multiple: true },
  'service-url': { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  'password-file': { type: 'string' },
  'token-file': { type: 'string' },
  'dry-run': { type: 'boolean' },
  verbose: { type: 'boolean' },
  serve: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' }
} as const;
type OptionName = keyof typeof OPTIONS;

/** The shorthands and the parameter each fills. */
const SHORTHANDS: Readonly<Partial<Record<OptionName, string>>> = {
  'service-url': 'serviceUrl',
  user: 'user',
  password: 'password',
  token: 'token'
};

/** Parses argv (without node and script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const { options, positionals } = readOptions(argv);
  if (options.version === true) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === 'version') return { kind: 'version' };
  if (command === undefined || command === 'help') {
    const [connector, operation, extra] = rest;
    if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"`);
    if (connector === undefined) return { kind: 'help' };
    return operation === undefined ? { kind: 'describe', connector } : { kind: 'describe', connector, operation };
  }
  if (options.help === true) {
    const [connector, operation] = command === 'invoke' ? rest : [];
    if (connector === undefined) return { kind: 'help' };
    return operation === undefined ? { kind: 'describe', connector } : { kind: 'describe', connector, operation };
  }
  switch (command) {
    case 'list': {
      onlyOptions(options, 'list', []);
      const [connector, extra] = rest;
      if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"`);
      return connector === undefined ? { kind: 'list' } : { kind: 'list', connector };
    }
    case 'demo':
      onlyOptions(options, 'demo', ['serve']);
      if (rest[0] !== undefined) throw new UsageError(`Unexpected argument "${rest[0]}"`);
      return { kind: 'demo', serve: options.serve === true };
    case 'invoke':
      return invokeCommand(rest, options);
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

type Options = Partial<Record<OptionName, string | boolean | string[]>>;

/**
 * Node's parser, strict by hand: its own strict mode quotes the whole argument in its message, and
 * `--password=secret` would put the password on screen. Here an unknown option is named without its value.
 */
function readOptions(argv: readonly string[]): { options: Options; positionals: string[] } {
  const { values, tokens } = parseNodeArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>)[token.name];
    const shown = token.rawName.startsWith('--') ? token.rawName : `--${token.name}`;
    if (spec === undefined) throw new UsageError(`Unknown option ${shown}`);
    if (spec.type === 'string' && token.value === undefined) throw new UsageError(`${shown} needs a value`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${shown} takes no value`);
  }
  const positionals = tokens.flatMap(t => (t.kind === 'positional' ? [t.value] : []));
  return { options: values as Options, positionals };
}

function onlyOptions(options: Options, command: string, allowed: readonly OptionName[]): void {
  const stray = Object.keys(options).find(name => !allowed.includes(name as OptionName));
  if (stray !== undefined) throw new UsageError(`--${stray} does not go with ${command}`);
}

function invokeCommand(rest: readonly string[], options: Options): CliCommand {
  onlyOptions(options, 'invoke', [
    'input',
    'output',
    'param',
    'service-url',
    'user',
    'password',
    'token',
    'password-file',
    'token-file',
    'dry-run',
    'verbose'
  ]);
  const [connector, operation, extra] = rest;
  if (connector === undefined || operation === undefined) throw new UsageError('invoke needs <connector> <operation>');
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"`);
  const params: Record<string, string> = {};
  const set = (name: string, value: string): void => {
    // values are not quoted: the parameter may be a password
    if (params[name] !== undefined && params[name] !== value)
      throw new UsageError(`Parameter "${name}" is given twice with different values; give it once`);
    params[name] = value;
  };
  for (const pair of asList(options.param)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param needs name=value, got "${pair}"`);
    set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  for (const [option, name] of Object.entries(SHORTHANDS)) {
    const value = options[option as OptionName];
    if (typeof value === 'string') set(name, value);
  }
  const paramFiles: Record<string, string> = {};
  for (const [option, name] of [
    ['password-file', 'password'],
    ['token-file', 'token']
  ] as const) {
    const file = options[option];
    if (typeof file !== 'string') continue;
    if (params[name] !== undefined) throw new UsageError(`Give the ${name} once: --${option} or the ${name} itself`);
    paramFiles[name] = file;
  }
  return {
    kind: 'invoke',
    connector,
    operation,
    inputFile: typeof options.input === 'string' ? options.input : undefined,
    outputFile: typeof options.output === 'string' ? options.output : undefined,
    params,
    paramFiles,
    dryRun: options['dry-run'] === true,
    verbose: options.verbose === true
  };
}

function asList(value: string | boolean | string[] | undefined): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
