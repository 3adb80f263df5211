import type { FieldShape, Json, ObjectShape } from '../../src/sdk';

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

/** The envelope shape of an action: one element per parameter, named as the API names it. */
export function rpcFieldsShape(fields: RpcFields): ObjectShape {
  return { type: 'object', fields: Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.shape])) };
}

/** Splits the validated parameters, as strings, by where they travel (in the documented order). */
export function splitRpcFields(values: Readonly<Record<string, Json>>, fields: RpcFields): RpcRequest {
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
