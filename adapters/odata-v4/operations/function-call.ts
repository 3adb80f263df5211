import {
  ConnectorError,
  decodeJsonObject,
  encodePathLiteral,
  entityTypeOfSet,
  isEdmPrimitive,
  itemTypeOf,
  jsonGet,
  sendChecked,
  serviceRootOf,
  stringifyJson,
  structuredTypeOf,
  v4Dialect,
  type EdmModel,
  type EdmOperation,
  type EdmParameter,
  type HttpRequest,
  type JsonOut,
  type LosslessObject,
  type X4Node
} from '../../../src/sdk';
import { readFunctionCall, type FunctionCall, type ParameterValue } from '../envelope/x4-envelope';
import { entityToX4, untyped, valueToX4 } from './entity-body';
import { serviceModel, v4 } from '../params';
import { readCollection, writeReadOutput, type ReadOutput } from './read-collection';
import { entityPath } from './targets';

/** A function is a GET of `Fn(P=1,S='x')`, an action a POST of a JSON body; entitySet (entityId) binds: `Set(key)/NS.Fn(…)`. */
export const executeFunction = v4.define({
  description: 'Calls a function (GET) or action (POST), unbound or bound to entitySet/entityId',
  envelope: 'required',
  roots: ['Request', 'Function'],
  model: serviceModel,
  read(envelope, { entitySet, entityId }) {
    if (entityId !== undefined && entitySet === undefined)
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `ExecuteFunction binds to the entity entityId="${entityId}" only with the parameter entitySet; give both, or neither for an import`,
        { target: 'entitySet' }
      );
    return { call: readFunctionCall(envelope), entitySet, entityId };
  },
  *plan({ call, entitySet, entityId }, { params, model }) {
    const root = serviceRootOf(params.serviceUrl);
    let base = root;
    let boundTo: string | undefined;
    if (entitySet !== undefined) {
      const type = entityTypeOfSet(model, entitySet);
      const bound = entityId === undefined ? undefined : entityPath(model, entitySet, entityId).path;
      base = `${root}${bound ?? encodeURIComponent(entitySet)}/`;
      boundTo = bound === undefined ? `Collection(${type.qualifiedName})` : type.qualifiedName;
    }
    const { operation, segment } = resolveCallable(model, call, boundTo);
    const itemType = itemTypeOf(operation.returnType);
    let request: HttpRequest;
    if (operation.kind === 'Function') {
      const url = `${base}${functionPath(operation, segment, call)}`;
      if (itemType !== undefined) {
        const output: ReadOutput = yield* readCollection(root, url, item => valueToX4(model, itemType, item));
        return { status: 1, output };
      }
      request = jsonGet(url, v4Dialect);
    } else {
      const headers = { ...v4Dialect.jsonHeaders, 'content-type': v4Dialect.jsonContentType };
      request = { method: 'POST', url: `${base}${segment}`, headers, body: actionBody(operation, call) };
    }
    const response = yield* sendChecked(request);
    const output: ReadOutput =
      response.body.trim() === ''
        ? { kind: 'object', members: [] }
        : resultNode(model, operation.returnType, decodeJsonObject(request, response));
    return { status: 1, output };
  },
  write: writeReadOutput
});

/** Types a single result: primitives and collections sit in `value`, entities and complex values are the object itself. */
function resultNode(model: EdmModel, returnType: string | undefined, json: LosslessObject): X4Node {
  const wrapped = returnType === undefined || isEdmPrimitive(returnType) || /^Collection\(/.test(returnType);
  if (!wrapped || !('value' in json)) return entityToX4(model, structuredTypeOf(model, returnType), json);
  const members = Object.entries(json).map(([k, v]) =>
    k === 'value' ? valueToX4(model, returnType, v, 'value') : untyped(v, k, 'String')
  );
  return { kind: 'object', members };
}

/** An import by name or, with `boundTo` (`NS.Type`, `Collection(NS.Type)`), an operation bound to it; its URL segment. */
export function resolveCallable(
  model: EdmModel,
  call: FunctionCall,
  boundTo?: string
): { operation: EdmOperation; segment: string } {
  const simple = call.name.replace(/^.*\./, '');
  const given = call.parameters.map(([n]) => n);
  if (boundTo === undefined) {
    const op = pickOverload(
      (model.imports.get(simple) ?? []).filter(o => !o.bound),
      given
    );
    if (op !== undefined) return { operation: op, segment: simple };
    const hint = (model.operations.get(simple) ?? []).some(o => o.bound)
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
  if (op === undefined)
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `No function or action "${call.name}" is bound to ${boundTo}${candidates.length > 0 ? ` with the parameters ${given.join(', ')}` : ''}`,
      { target: 'Function/@name' }
    );
  const ns = model.namespaces.find(n => (model.operations.get(`${n}.${simple}`) ?? []).includes(op)) ?? '';
  return { operation: op, segment: `${ns}.${simple}` };
}

function pickOverload(ops: readonly EdmOperation[], given: readonly string[]): EdmOperation | undefined {
  return (
    ops.find(o => given.every(g => parametersOf(o).some(p => p.name === g))) ??
    (given.length === 0 ? undefined : ops[0])
  );
}

/** The parameters the caller passes (a bound operation's binding parameter is the URL). */
function parametersOf(op: EdmOperation): readonly EdmParameter[] {
  return op.bound ? op.parameters.slice(1) : op.parameters;
}

/** The given parameters with their declarations and JSON values, checked against the declaration. */
function typedParameters(op: EdmOperation, call: FunctionCall): Array<[EdmParameter, ParameterValue, JsonOut]> {
  const declared = parametersOf(op);
  const typed = call.parameters.map(([name, value]): [EdmParameter, ParameterValue, JsonOut] => {
    const p = declared.find(d => d.name === name);
    if (p === undefined)
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${op.kind} ${op.name} has no parameter "${name}"; its parameters: ${declared.map(d => d.name).join(', ') || '(none)'}`,
        { target: `Function/Parameter[@name='${name}']` }
      );
    return [p, value, jsonValue(p, value)];
  });
  const missing = declared.find(p => !p.nullable && !call.parameters.some(([n]) => n === p.name));
  if (missing === undefined) return typed;
  throw new ConnectorError(
    'VALUE_INVALID',
    `${op.kind} ${op.name} needs the parameter "${missing.name}" (${missing.type})`,
    { target: `Function/Parameter[@name='${missing.name}']` }
  );
}

function jsonValue(p: EdmParameter, value: ParameterValue): JsonOut {
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
  for (const [p, value, json] of typedParameters(op, call)) {
    if (typeof value === 'string' && isEdmPrimitive(p.type))
      inline.push(`${p.name}=${encodePathLiteral(v4Dialect.uriLiteral(p.type, value))}`);
    else if (value === null) inline.push(`${p.name}=null`);
    else {
      inline.push(`${p.name}=@${p.name}`);
      aliases.push(`@${p.name}=${encodeURIComponent(stringifyJson(json))}`);
    }
  }
  return `${segment}(${inline.join(',')})${aliases.length === 0 ? '' : `?${aliases.join('&')}`}`;
}

export function actionBody(op: EdmOperation, call: FunctionCall): string {
  return stringifyJson(Object.fromEntries(typedParameters(op, call).map(([p, , json]) => [p.name, json])));
}
