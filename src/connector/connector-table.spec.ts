import { definePlannedOperation, type Connector } from './connector';
import { done } from './plan';
import { createConnectorTable } from './connector-table';

const noop = definePlannedOperation({
  description: 'does nothing',
  envelope: 'none',
  read: () => undefined,
  plan: () => done({ status: 1 as const, output: undefined }),
  write: () => undefined
});
const demo: Connector = {
  name: 'demo',
  description: 'demo',
  params: {},
  operations: { ReadEntitySet: noop, CreateEntity: noop }
};

describe('createConnectorTable', () => {
  const table = createConnectorTable([demo]);

  it('finds operations by exact name, and case-insensitively', () => {
    expect(table.operation('demo', 'ReadEntitySet').name).toBe('ReadEntitySet');
    expect(table.operation('demo', 'readentityset').name).toBe('ReadEntitySet');
  });

  it('lists the valid names for an unknown connector or operation', () => {
    expect(() => table.operation('odata', 'X')).toThrow(
      expect.objectContaining({
        code: 'CONNECTOR_UNKNOWN',
        message: expect.stringContaining('registered connectors: demo')
      })
    );
    expect(() => table.operation('demo', 'Nope')).toThrow(
      expect.objectContaining({
        code: 'OPERATION_UNKNOWN',
        message: expect.stringContaining('its operations: ReadEntitySet, CreateEntity')
      })
    );
  });

  it('refuses duplicate connectors and operations that differ only in case', () => {
    expect(() => createConnectorTable([demo, demo])).toThrow(/registered twice/);
    expect(() => createConnectorTable([{ ...demo, operations: { Read: noop, read: noop } }])).toThrow(
      /differ only in case/
    );
  });

  it('refuses an operation parameter that shadows a connector parameter', () => {
    const shadow = definePlannedOperation({
      ...{
        description: 'x',
        envelope: 'none' as const,
        read: () => 1,
        plan: () => done({ status: 1 as const, output: 1 }),
        write: () => undefined
      },
      params: { url: { type: 'url' as const, description: 'x' } }
    });
    expect(() =>
      createConnectorTable([{ ...demo, params: { url: { type: 'url', description: 'x' } }, operations: { A: shadow } }])
    ).toThrow(/redeclares the connector parameter "url"/);
  });
});
