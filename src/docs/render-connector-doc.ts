import type { Connector, Operation } from '../connector/connector';
import type { ParamSpec, ParamSpecs } from '../connector/param-spec';
import { code, escapeCell, renderGeneratedNotice, renderTable } from './markdown';

/** A hand-written guide embedded in a connector's page. */
export interface EmbeddedGuide {
  /** The guide's path relative to the generated page, e.g. `../guides/hdp.md`. */
  readonly link: string;
  /** Its path from the repository root, for the generated-file notice, e.g. `docs/guides/hdp.md`. */
  readonly source: string;
  /** Its Markdown, embedded verbatim. */
  readonly text: string;
}

/**
 * Renders a connector's reference page from its table: name, description, connector-wide parameters, and
 * per operation its description, envelope mode, accepted roots and own parameters; then the hand-written
 * guide, if any, verbatim.
 * @param connector - The connector as registered.
 * @param guide - The hand-written guide (examples, output shapes, rules) to embed below the tables.
 * @returns The page's Markdown, ending with one line break.
 */
export function renderConnectorDoc(connector: Connector, guide?: EmbeddedGuide): string {
  const sources = guide === undefined ? `the connector table of ${connector.name}` : `the connector table of ${connector.name} and ${guide.source}`;
  const parts = [
    renderGeneratedNotice(sources),
    `# ${code(connector.name)}`,
    escapeCell(connector.description),
    guide === undefined
      ? 'This page is generated from the connector table.'
      : `This page is generated from the connector table; the [guide](${guide.link}) below it (envelope examples, output shapes, rules) is written by hand.`,
    '## Connector parameters',
    `Set once per connector instance and shared by its operations: ${passingParams(connector)}. ` +
      'An operation leaves aside a connector parameter it does not use; an unknown parameter is refused (`PARAMETER_INVALID`).',
    renderParamTable(connector.params),
    '## Operations',
    renderTable(
      ['operation', 'envelope', 'description'],
      Object.entries(connector.operations).map(([name, op]) => [`[${name}](#${anchorOf(name)})`, op.envelope, escapeCell(op.description)])
    ),
    ENVELOPE_MODES,
    ...Object.entries(connector.operations).map(([name, op]) => renderOperation(name, op))
  ];
  if (guide !== undefined) {
    parts.push(`---\n\n<!-- ${guide.source}, embedded verbatim: edit it there. -->`, guide.text.trim());
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Renders the index of the connector pages.
 * @param connectors - The bundled connectors, in the order `iflow list` shows them.
 * @returns The index's Markdown, ending with one line break.
 */
export function renderConnectorIndex(connectors: readonly Connector[]): string {
  return `${[
    renderGeneratedNotice('the connector table'),
    '# Connectors',
    'One reference page per bundled connector: its parameters, its operations with their envelopes, and its guide. ' +
      '`iflow list` prints the same tables on the command line.',
    renderTable(
      ['connector', 'description', 'operations'],
      connectors.map(c => [`[${code(c.name)}](${c.name}.md)`, escapeCell(c.description), Object.keys(c.operations).map(op => `[${op}](${c.name}.md#${anchorOf(op)})`).join(', ')])
    ),
    'Failures of every connector are listed in [errors.md](../errors.md).'
  ].join('\n\n')}\n`;
}

/**
 * Renders a parameter table: type, required, default, allowed values, secret, description.
 * @param specs - The declared parameters.
 * @returns The table, or a sentence when there are none.
 */
export function renderParamTable(specs: ParamSpecs): string {
  const entries = Object.entries(specs);
  if (entries.length === 0) return 'No parameters.';
  return renderTable(
    ['parameter', 'type', 'required', 'default', 'allowed values', 'secret', 'description'],
    entries.map(([name, spec]) => [
      code(name),
      spec.type,
      spec.required === true ? 'yes' : '',
      spec.default === undefined ? '' : code(spec.default),
      allowedValues(spec),
      spec.secret === true ? 'yes' : '',
      escapeCell(spec.description)
    ])
  );
}

const ENVELOPE_MODES =
  'Envelope: *none* — the operation takes no envelope; an empty root such as `<Request/>` is accepted, one with content is refused (`ENVELOPE_INVALID`), not ignored. ' +
  '*optional* — it may be left out. ' +
  '*required* — a missing envelope is `ENVELOPE_INVALID`. ' +
  'Where roots are listed, an envelope with another root element is refused before anything is sent.';

function renderOperation(name: string, op: Operation): string {
  const roots = op.roots === undefined ? 'any root element' : `root ${op.roots.map(r => code(`<${r}>`)).join(' or ')}`;
  const envelope = op.envelope === 'none' ? 'none' : `${op.envelope}, ${roots}`;
  const params = Object.keys(op.params).length === 0 ? 'Parameters: the connector parameters only.' : `Parameters, beside the connector parameters:\n\n${renderParamTable(op.params)}`;
  return [`### ${name}`, escapeCell(op.description), `Envelope: ${envelope}.`, params].join('\n\n');
}

function allowedValues(spec: ParamSpec): string {
  if (spec.values !== undefined) return spec.values.map(code).join(', ');
  if (spec.type === 'boolean') return `${code('true')}, ${code('false')}`;
  if (spec.type === 'url') return 'an http(s) URL';
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min}–${spec.max}`;
  if (spec.min !== undefined) return `≥ ${spec.min}`;
  if (spec.max !== undefined) return `≤ ${spec.max}`;
  return '';
}

/** How parameters are given: `--param`, the CLI shorthands the connector has, and `params` of `invoke`. */
function passingParams(connector: Connector): string {
  const url = 'serviceUrl' in connector.params ? 'serviceUrl' : Object.entries(connector.params).find(([, s]) => s.type === 'url' && s.required === true)?.[0];
  const shorthands = [
    url === undefined ? undefined : `${code('--service-url')} for ${code(url)}`,
    ...['user', 'password', 'token'].filter(p => p in connector.params).map(p => `${code(`--${p}`)}`)
  ].filter((s): s is string => s !== undefined);
  const cli = `${code('--param name=value')} on the command line${shorthands.length === 0 ? '' : ` (shorthands ${shorthands.join(', ')})`}`;
  return `${cli}, ${code('params')} in ${code('invoke()')}`;
}

/** The anchor GitHub gives a heading made of one word. */
function anchorOf(heading: string): string {
  return heading.toLowerCase().replace(/[^\w-]/g, '');
}
