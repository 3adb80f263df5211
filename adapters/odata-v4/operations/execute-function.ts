import {
  ConnectorError,
  decodeJsonObject,
  entityTypeOfSet,
  isEdmPrimitive,
  isLosslessObject,
  itemTypeOf,
  sendChecked,
  structuredTypeOf,
  v4Dialect,
  type EdmModel,
  type HttpRequest,
  type LosslessObject,
  type X4Node
} from '../../../src/sdk';
import { readFunctionCall } from '../envelope/function-call';
import { writeReadOutput, type ReadOutput } from '../output/read-output';
import { entityToX4, untyped, valueToX4 } from '../output/typed-x4';
import { rootOf, serviceModel, v4 } from '../params';
import { actionBody, functionPath, resolveCallable } from './function-call';
import { readCollection } from './reads';
import { entityPath } from './targets';

/**
 * ExecuteFunction: looks the name up in `$metadata`. Functions are called with GET and inline typed
 * parameters `Fn(P=1,S='x')`, actions with POST and a JSON body. With the entitySet (and entityId)
 * parameters the operation bound to that set (or entity) is called: `Set(key)/NS.Fn(…)`. The result is
 * typed by the declared return type; collections follow server paging.
 */
export const executeFunction = v4.define({
  description: 'Calls a function (GET) or action (POST), unbound or bound to entitySet/entityId',
  envelope: 'required',
  roots: ['Request', 'Function'],
  model: serviceModel,
  read(envelope, { entitySet, entityId }) {
    if (entityId !== undefined && entitySet === undefined) {
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `ExecuteFunction binds to the entity entityId="${entityId}" only with the parameter entitySet; give both, or neither for an import`,
        { target: 'entitySet' }
      );
    }
    return { call: readFunctionCall(envelope), entitySet, entityId };
  },
  *plan({ call, entitySet, entityId }, { params, model }) {
    const root = rootOf(params);
    let base = root;
    let boundTo: string | undefined;
    if (entitySet !== undefined) {
      const type = entityTypeOfSet(model, entitySet);
      const bound = entityId === undefined ? undefined : entityPath(model, entitySet, entityId).path;
      base = `${root}${bound ?? encodeURIComponent(entitySet)}/`;
      boundTo = bound === undefined ? `Collection(${type.qualifiedName})` : type.qualifiedName;
    }
    const { operation, segment: name } = resolveCallable(model, call, boundTo);
    const isFunction = operation.kind === 'Function';
    const url = isFunction ? `${base}${functionPath(operation, name, call)}` : `${base}${name}`;
    const returnType = operation.returnType;
    const itemType = itemTypeOf(returnType);
    if (isFunction && itemType !== undefined) {
      const output: ReadOutput = yield* readCollection(root, url, item => valueToX4(model, itemType, item));
      return { status: 1, output };
    }
    const request: HttpRequest = isFunction
      ? { method: 'GET', url, headers: v4Dialect.jsonHeaders }
      : {
          method: 'POST',
          url,
          headers: { ...v4Dialect.jsonHeaders, 'content-type': v4Dialect.jsonContentType },
          body: actionBody(operation, call)
        };
    const response = yield* sendChecked(request);
    const node: X4Node =
      response.body.trim() === ''
        ? { kind: 'object', members: [] }
        : resultNode(model, returnType, decodeJsonObject(request, response));
    const output: ReadOutput = { kind: 'node', node };
    return { status: 1, output };
  },
  write: writeReadOutput
});

/** Types a single result: primitives and collections sit in `value`, entities and complex values are the object itself. */
function resultNode(model: EdmModel, returnType: string | undefined, json: LosslessObject): X4Node {
  const wrapped = returnType === undefined || isEdmPrimitive(returnType) || /^Collection\(/.test(returnType);
  if (!wrapped || !('value' in json)) return entityToX4(model, structuredTypeOf(model, returnType), json);
  const members = Object.entries(json).map(([k, v]) =>
    k === 'value' ? valueToX4(model, returnType, v, 'value') : untyped(v, k, isLosslessObject(v) ? undefined : 'String')
  );
  return { kind: 'object', members };
}
