import type { ConnectorTable } from '../connector/connector-table';
import type { ParamSpec } from '../connector/param-spec';

/** Renders the connector table as text for `iflow list`: connectors, operations, parameters. */
export function describeTable(table: ConnectorTable): string {
  const lines: string[] = [];
  for (const c of table.connectors) {
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

function describeParam(name: string, spec: ParamSpec): string {
  const flags = [
    spec.required === true ? 'required' : undefined,
    spec.default === undefined ? undefined : `default ${spec.default}`,
    spec.values === undefined ? undefined : spec.values.join('|'),
    spec.secret === true ? 'secret' : undefined
  ].filter(Boolean);
  return `--param ${name}=<${spec.type}>${flags.length > 0 ? ` (${flags.join(', ')})` : ''}  ${spec.description}`;
}
