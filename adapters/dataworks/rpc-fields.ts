import { buildJsonFromXml, envelopeError, type FieldShape, type ObjectShape, type XmlElement } from '../../src/sdk';

/** One request parameter of an RPC-style action: its name, shape and where it travels. */
export interface RpcField {
  readonly shape: FieldShape;
  /** 'body': sent in the form body (the long *Details JSON strings); 'query' otherwise. */
  readonly location?: 'query' | 'body';
}

/** The parameters of an action, in the order they are documented. */
export type RpcFields = Readonly<Record<string, RpcField>>;

/** A Long ID: digits only, kept as text so no precision is lost. */
export const longId = (required: boolean): FieldShape => ({
  type: 'string',
  required,
  pattern: /^\d{1,19}$/,
  rule: 'a Long (1-19 digits)'
});

/** The validated parameters, as strings, split by where they travel. */
export interface RpcRequest {
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly body: ReadonlyArray<readonly [string, string]>;
}

/** Reads the envelope (elements named as the API parameters) by the action's field table; nothing is sent on failure. */
export function readRpcFields(envelope: XmlElement | undefined, fields: RpcFields, action: string): RpcRequest {
  if (envelope === undefined)
    throw envelopeError(`${action} needs an envelope <${action}> with its parameters as elements`);
  const shape: ObjectShape = {
    type: 'object',
    fields: Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.shape]))
  };
  const values = buildJsonFromXml(envelope, shape, action);
  const query: Array<[string, string]> = [];
  const body: Array<[string, string]> = [];
  for (const [name, field] of Object.entries(fields)) {
    const v = values[name];
    if (v === undefined) continue;
    (field.location === 'body' ? body : query).push([name, String(v)]);
  }
  return { query, body };
}

/** The value of a parameter in a read request, if given. */
export function valueOf(request: RpcRequest, name: string): string | undefined {
  return [...request.query, ...request.body].find(([n]) => n === name)?.[1];
}
