import {
  ConnectorError,
  encodePathLiteral,
  isEdmPrimitive,
  itemTypeOf,
  stringifyJson,
  v4Dialect,
  type EdmModel,
  type EdmOperation,
  type EdmParameter,
  type JsonOut
} from '../../../src/sdk';
import type { FunctionCall } from '../envelope/function-call';

/** A callable resolved in `$metadata`: the operation and the URL segment that invokes it. */
export interface ResolvedCallable {
  readonly operation: EdmOperation;
  /** `CountCategories` for an import, `NS.PriceWithTax` for a bound operation. */
  readonly segment: string;
}

/**
 * Finds the function or action: a FunctionImport/ActionImport by name, or — when `boundTo` (the entity type,
 * as `NS.Type` or `Collection(NS.Type)`) is given — an operation bound to it. Throws MODEL_MISMATCH listing
 * what exists.
 */
export function resolveCallable(model: EdmModel, call: FunctionCall, boundTo?: string): ResolvedCallable {
  const simple = call.name.replace(/^.*\./, '');
  const given = call.parameters.map(([n]) => n);
  if (boundTo === undefined) {
    const overloads = model.imports.get(simple) ?? [];
    const op = pickOverload(
      overloads.filter(o => !o.bound),
      given
    );
    if (op !== undefined) return { operation: op, segment: simple };
    const bound = (model.operations.get(simple) ?? []).some(o => o.bound);
    const hint = bound
      ? `; "${simple}" is bound: pass entitySet (and entityId) to call it on an entity set or entity`
      : '';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no function or action import "${call.name}"${hint}; its imports: ${[...model.imports.keys()].join(', ') || '(none)'}`,
      { target: 'Function/@name' }
    );
  }
  const candidates = (model.operations.get(simple) ?? []).filter(o => o.bound && o.parameters[0]?.type === boundTo);
  const op = pickOverload(candidates, given);
  if (op === undefined) {
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `No function or action "${call.name}" is bound to ${boundTo}${candidates.length > 0 ? ` with the parameters ${given.join(', ')}` : ''}`,
      { target: 'Function/@name' }
    );
  }
  const ns = model.namespaces.find(n => (model.operations.get(`${n}.${simple}`) ?? []).includes(op)) ?? '';
  return { operation: op, segment: `${ns}.${simple}` };
}

function pickOverload(ops: readonly EdmOperation[], given: readonly string[]): EdmOperation | undefined {
  return (
    ops.find(o => given.every(g => parametersOf(o).some(p => p.name === g))) ??
    (given.length === 0 ? undefined : ops[0])
  );
}

/** The parameters the caller passes (the binding parameter of a bound operation is the URL, not a parameter). */
export function parametersOf(op: EdmOperation): readonly EdmParameter[] {
  return op.bound ? op.parameters.slice(1) : op.parameters;
}

/** Checks given parameters against the declaration: unknown → MODEL_MISMATCH, missing non-nullable → VALUE_INVALID. */
function typedParameters(
  op: EdmOperation,
  call: FunctionCall
): Array<[EdmParameter, string | null | readonly string[]]> {
  const declared = parametersOf(op);
  const out: Array<[EdmParameter, string | null | readonly string[]]> = [];
  for (const [name, value] of call.parameters) {
    const p = declared.find(d => d.name === name);
    if (p === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${op.kind} ${op.name} has no parameter "${name}"; its parameters: ${declared.map(d => d.name).join(', ') || '(none)'}`,
        { target: `Function/Parameter[@name='${name}']` }
      );
    }
    out.push([p, value]);
  }
  for (const p of declared) {
    if (!p.nullable && !call.parameters.some(([n]) => n === p.name)) {
      throw new ConnectorError('VALUE_INVALID', `${op.kind} ${op.name} needs the parameter "${p.name}" (${p.type})`, {
        target: `Function/Parameter[@name='${p.name}']`
      });
    }
  }
  return out;
}

/** The JSON of a parameter value; VALUE_INVALID when it does not fit its type, or its type cannot be passed. */
function jsonValue(p: EdmParameter, value: string | null | readonly string[]): JsonOut {
  if (value === null) return null;
  const target = `Function/Parameter[@name='${p.name}']`;
  const item = itemTypeOf(p.type);
  const type = item ?? p.type;
  if (!isEdmPrimitive(type))
    throw new ConnectorError('VALUE_INVALID', `${target}: parameters of type ${p.type} are not supported`, { target });
  if (typeof value === 'string' && item === undefined) return v4Dialect.toJsonValue(type, value, target);
  return (typeof value === 'string' ? [value] : value).map(v => v4Dialect.toJsonValue(type, v, target));
}

/** `Fn(A=1,B='x')`, with collection values passed as JSON parameter aliases (`B=@B&@B=[…]`). */
export function functionPath(op: EdmOperation, segment: string, call: FunctionCall): string {
  const inline: string[] = [];
  const aliases: string[] = [];
  for (const [p, value] of typedParameters(op, call)) {
    const json = jsonValue(p, value); // checks the value against its type
    if (value === null) inline.push(`${p.name}=null`);
    else if (typeof value !== 'string' || itemTypeOf(p.type) !== undefined) {
      inline.push(`${p.name}=@${p.name}`);
      aliases.push(`@${p.name}=${encodeURIComponent(stringifyJson(json))}`);
    } else if (isEdmPrimitive(p.type)) {
      inline.push(`${p.name}=${encodePathLiteral(v4Dialect.uriLiteral(p.type, value))}`);
    }
  }
  return `${segment}(${inline.join(',')})${aliases.length === 0 ? '' : `?${aliases.join('&')}`}`;
}

/** The JSON body of an action call. */
export function actionBody(op: EdmOperation, call: FunctionCall): string {
  const body: Record<string, JsonOut> = {};
  for (const [p, value] of typedParameters(op, call)) body[p.name] = jsonValue(p, value);
  return stringifyJson(body);
}
