import type { Connector } from '../connector/connector';
import type { ParamSpec } from '../connector/param-spec';

/** Renders connectors as text for `iflow list`: connectors, operations, parameters. */
export function describeTable(connectors: readonly Connector[]): string {
  const lines: string[] = [];
  for (const c of connectors) {
    lines.push(`${c.name}: ${c.description}`);
    for (const [name, spec] of Object.entries(c.params)) lines.push(`    ${describeParam(name, spec)}`);
    for (const [name, op] of Object.entries(c.operations)) {
      lines.push(`  ${name}: ${op.description}`);
      for (const [p, spec] of Object.entries(op.params)) lines.push(`      ${describeParam(p, spec)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Renders one operation for `iflow help <connector> <operation>`: what it does, its parameters, an envelope. */
export function describeOperation(connector: Connector, name: string, sample: string | undefined): string {
  const op = connector.operations[name];
  if (op === undefined) return '';
  const envelope =
    op.envelope === 'none'
      ? 'none'
      : `${op.envelope}${op.roots === undefined ? '' : `, root ${op.roots.map(r => `<${r}>`).join(' or ')}`}`;
  const params = { ...connector.params, ...op.params };
  return [
    `${connector.name} ${name}: ${op.description}`,
    '',
    `Envelope: ${envelope}`,
    '',
    'Parameters:',
    ...Object.entries(params).map(([p, spec]) => `  ${describeParam(p, spec)}`),
    ...(sample === undefined ? [] : ['', 'Sample envelope:', sample.trimEnd()]),
    '',
    `Run: iflow invoke ${connector.name} ${name}${op.envelope === 'none' ? '' : ' --input FILE'} --param name=value ...`,
    ''
  ].join('\n');
}

function describeParam(name: string, spec: ParamSpec): string {
  const flags = [
    spec.required === true ? 'required' : undefined,
    spec.default === undefined ? undefined : `default ${spec.default}`,
    spec.values === undefined ? undefined : spec.values.join('|'),
    spec.secret === true ? 'secret' : undefined
  ].filter(Boolean);
  return `--param ${name}=<${spec.type}>${flags.length > 0 ? ` (${flags.join(', ')})` : ''}  ${spec.description}`;
}
