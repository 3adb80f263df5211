import {
  ConnectorError,
  defineOperation,
  isEdmPrimitive,
  isSuccess,
  httpStatusError,
  type EdmModel,
  type HttpRequest,
  type X4Node
} from '../../../src/sdk';
import { isLosslessObject, type LosslessObject } from '../../../src/sdk';
import { optionalParam } from '../params';
import {
  actionBody,
  functionPath,
  readFunctionCall,
  resolveCallable,
  type FunctionCall
} from '../request/function-call';
import { decodeJsonObject, JSON_ACCEPT, JSON_CONTENT_TYPE } from '../request/http';
import { readCollection } from '../response/collection-pages';
import { entityToX4, untyped, valueToX4 } from '../response/typed-x4';
import { entityPath, entitySetType, segment, serviceOf, writeReadOutput, type ReadOutput } from './support';

interface Input {
  readonly call: FunctionCall;
  readonly entitySet?: string;
  readonly entityId?: string;
}

/**
 * ExecuteFunction: looks the name up in `$metadata`. Functions are called with GET and inline typed
 * parameters `Fn(P=1,S='x')`, actions with POST and a JSON body. With the entitySet (and entityId)
 * parameters the operation bound to that set (or entity) is called: `Set(key)/NS.Fn(…)`. The result is
 * typed by the declared return type; collections follow server paging.
 */
export const executeFunction = defineOperation<Input, ReadOutput>({
  description: 'Calls a function (GET) or action (POST), unbound or bound to entitySet/entityId',
  envelope: 'required',
  roots: ['Request', 'Function'],
  read(envelope, params) {
    const entitySet = optionalParam(params, 'entitySet');
    const entityId = optionalParam(params, 'entityId');
    if (entityId !== undefined && entitySet === undefined) {
      throw new ConnectorError(
        'PARAMETER_MISSING',
        `ExecuteFunction binds to the entity entityId="${entityId}" only with the parameter entitySet; give both, or neither for an import`,
        { target: 'entitySet' }
      );
    }
    return {
      call: readFunctionCall(envelope as NonNullable<typeof envelope>),
      ...(entitySet === undefined ? {} : { entitySet }),
      ...(entityId === undefined ? {} : { entityId })
    };
  },
  async execute({ call, entitySet, entityId }, ctx) {
    const { root, model } = await serviceOf(ctx);
    let base = root;
    let boundTo: string | undefined;
    if (entitySet !== undefined) {
      const type = entitySetType(model, entitySet);
      if (entityId !== undefined) {
        base = `${root}${entityPath(model, entitySet, entityId).path}/`;
        boundTo = type.qualifiedName;
      } else {
        base = `${root}${segment(entitySet)}/`;
        boundTo = `Collection(${type.qualifiedName})`;
      }
    }
    const { operation, segment: name } = resolveCallable(model, call, boundTo);
    const isFunction = operation.kind === 'Function';
    const url = isFunction ? `${base}${functionPath(operation, name, call)}` : `${base}${name}`;
    const returnType = operation.returnType;
    const itemType = returnType === undefined ? undefined : /^Collection\((.*)\)$/.exec(returnType)?.[1];
    if (isFunction && itemType !== undefined) {
      return { status: 1, output: await readCollection(ctx, url, item => valueToX4(model, itemType, item)) };
    }
    const request: HttpRequest = isFunction
      ? { method: 'GET', url, headers: { accept: JSON_ACCEPT } }
      : {
          method: 'POST',
          url,
          headers: { accept: JSON_ACCEPT, 'content-type': JSON_CONTENT_TYPE },
          body: actionBody(operation, call)
        };
    const response = await ctx.transport.send(request);
    if (!isSuccess(response.status)) throw httpStatusError(request, response);
    if (response.body.trim() === '')
      return { status: 1, output: { kind: 'node', node: { kind: 'object', members: [] } } };
    return {
      status: 1,
      output: { kind: 'node', node: resultNode(model, returnType, decodeJsonObject(request, response)) }
    };
  },
  write: writeReadOutput
});

/** Types a single result: primitives and collections sit in `value`, entities and complex values are the object itself. */
function resultNode(model: EdmModel, returnType: string | undefined, json: LosslessObject): X4Node {
  const wrapped = returnType === undefined || isEdmPrimitive(returnType) || /^Collection\(/.test(returnType);
  if (!wrapped || !('value' in json)) {
    const structured =
      returnType === undefined ? undefined : (model.entityTypes.get(returnType) ?? model.complexTypes.get(returnType));
    return entityToX4(model, structured, json);
  }
  const members = Object.entries(json).map(([k, v]) =>
    k === 'value' ? valueToX4(model, returnType, v, 'value') : untyped(v, k, isLosslessObject(v) ? undefined : 'String')
  );
  return { kind: 'object', members };
}
