import { ConnectorError } from '../errors/connector-error';
import type { Connector, Operation } from './connector';
import type { ParamSpecs } from './param-spec';

/** The registry of connectors. Lookups fail with an error that lists the valid names. */
export interface ConnectorTable {
  readonly connectors: readonly Connector[];
  /** Throws CONNECTOR_UNKNOWN. */
  connector(name: string): Connector;
  /** Throws CONNECTOR_UNKNOWN or OPERATION_UNKNOWN. Operation names match exactly, else case-insensitively. */
  operation(
    connectorName: string,
    operationName: string
  ): { connector: Connector; name: string; operation: Operation; params: ParamSpecs };
}

/**
 * Builds the table. Registering the same connector name twice, or two operations whose names differ only
 * in case, is a programmer error and throws at once.
 */
export function createConnectorTable(connectors: readonly Connector[]): ConnectorTable {
  const byName = new Map<string, Connector>();
  for (const c of connectors) {
    if (byName.has(c.name)) throw new Error(`Connector "${c.name}" is registered twice`);
    const seen = new Map<string, string>();
    for (const op of Object.keys(c.operations)) {
      const other = seen.get(op.toLowerCase());
      if (other !== undefined)
        throw new Error(`Connector "${c.name}" declares operations "${other}" and "${op}", which differ only in case`);
      seen.set(op.toLowerCase(), op);
      const clash = Object.keys(c.operations[op]?.params ?? {}).find(p => p in c.params);
      if (clash !== undefined)
        throw new Error(`Operation "${c.name}.${op}" redeclares the connector parameter "${clash}"`);
    }
    byName.set(c.name, c);
  }

  const connector = (name: string): Connector => {
    const found = byName.get(name);
    if (found === undefined) {
      throw new ConnectorError(
        'CONNECTOR_UNKNOWN',
        `Unknown connector "${name}"; registered connectors: ${[...byName.keys()].join(', ')}`
      );
    }
    return found;
  };

  return {
    connectors: [...connectors],
    connector,
    operation(connectorName, operationName) {
      const c = connector(connectorName);
      const names = Object.keys(c.operations);
      const name =
        names.find(n => n === operationName) ?? names.find(n => n.toLowerCase() === operationName.toLowerCase());
      const operation = name === undefined ? undefined : c.operations[name];
      if (name === undefined || operation === undefined) {
        throw new ConnectorError(
          'OPERATION_UNKNOWN',
          `Connector "${c.name}" has no operation "${operationName}"; its operations: ${names.join(', ')}`
        );
      }
      return { connector: c, name, operation, params: { ...c.params, ...operation.params } };
    }
  };
}
