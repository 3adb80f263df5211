import {
  ConnectorError,
  defineOperation,
  envelopeError,
  v2Dialect,
  httpStatusError,
  isEdmPrimitive,
  isNil,
  isSuccess,
  normalizeV2Value,
  validateEdmFacets,
  type EdmModel,
  type EdmOperation,
  type HttpMethod,
  type XmlElement
} from '../../../src/sdk';
import { formatOf, queryOptionsParam, stringParam } from '../service/params';
import { checkQueryNames } from '../service/query-check';
import { encodeQueryOptions, functionImportOf } from '../service/resource-path';
import { loadModel, sendRequest, serviceRequest } from '../service/service-client';
import { decodeFunctionResult, writeFunctionResult, type FunctionResult } from './function-result';

interface FunctionImportInput {
  readonly name: string;
  readonly arguments: readonly XmlElement[];
  readonly envelopeName?: string;
  readonly query: string;
}

/**
 * FunctionImport: calls a V2 function import with the verb `$metadata` declares (m:HttpMethod), parameters
 * as typed URI literals from `<Fn><Param>value</Param></Fn>`; every return kind is mapped.
 */
export const functionImportOperation = defineOperation<FunctionImportInput, FunctionResult>({
  description:
    'FunctionImport: GET or POST as declared in $metadata; parameters from the envelope <FunctionName><Param>value</Param></FunctionName> as typed URI literals; returns entities, complex, primitive values (or collections of them) or nothing',
  envelope: 'optional',
  params: {
    functionImport: {
      type: 'string',
      required: true,
      description: 'Name of the function import, e.g. GetProductsByRating'
    },
    ...queryOptionsParam
  },
  read(envelope, params) {
    const name = stringParam(params, 'functionImport') ?? '';
    return {
      name,
      arguments: envelope?.children ?? [],
      query: encodeQueryOptions(stringParam(params, 'queryOptions')),
      ...(envelope === undefined ? {} : { envelopeName: envelope.name })
    };
  },
  async execute(input, ctx) {
    const model = await loadModel(ctx);
    // the model first: a misspelt functionImport parameter is named as such, with the service's imports
    const fi = functionImportOf(model, input.name);
    if (input.envelopeName !== undefined && input.envelopeName !== input.name) {
      throw envelopeError(
        `The envelope root <${input.envelopeName}> must be the function import's name <${input.name}> (the functionImport parameter)`,
        input.envelopeName
      );
    }
    const returned = model.entityTypes.get((fi.returnType ?? '').replace(/^Collection\((.*)\)$/, '$1'));
    if (returned !== undefined) checkQueryNames(model, returned, input.query);
    const query = [buildArguments(model, fi, input.arguments), input.query].filter(q => q !== '').join('&');
    const method: HttpMethod =
      fi.httpMethod === 'POST'
        ? 'POST'
        : fi.httpMethod === 'PUT'
          ? 'PUT'
          : fi.httpMethod === 'DELETE'
            ? 'DELETE'
            : fi.httpMethod === 'MERGE'
              ? 'MERGE'
              : 'GET';
    // some servers (CAP) read the URL parameters of a POST only with a JSON content type
    const request = serviceRequest(
      ctx,
      method,
      `${encodeURIComponent(fi.name)}${query === '' ? '' : `?${query}`}`,
      method === 'GET' ? {} : { 'content-type': 'application/json' }
    );
    const response = await sendRequest(ctx, request);
    if (!isSuccess(response.status)) throw httpStatusError(request, response);
    const atom = formatOf(ctx.params) === 'atom' || /xml/i.test(response.headers['content-type'] ?? '');
    return { status: 1, output: decodeFunctionResult(model, fi, response.body, atom) };
  },
  write(result, w) {
    writeFunctionResult(w, result);
  }
});

/** `Amount=2&Name='x'`: each declared parameter as its V2 URI literal; unknown or untyped ones refused. */
export function buildArguments(model: EdmModel, fi: EdmOperation, args: readonly XmlElement[]): string {
  const given = new Map<string, XmlElement>();
  for (const arg of args) {
    const declared = fi.parameters.find(p => p.name === arg.name);
    const target = `${fi.name}/${arg.name}`;
    if (declared === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${target}: the function import ${fi.name} has no parameter "${arg.name}"; its parameters: ${fi.parameters.map(p => p.name).join(', ') || '(none)'}`,
        { target }
      );
    }
    if (given.has(arg.name)) throw envelopeError(`${target} appears twice`, target);
    given.set(arg.name, arg);
  }
  const pairs: string[] = [];
  for (const p of fi.parameters) {
    const arg = given.get(p.name);
    const target = `${fi.name}/${p.name}`;
    if (arg === undefined || isNil(arg)) {
      if (!p.nullable)
        throw new ConnectorError(
          'PARAMETER_MISSING',
          `${target}: the function import ${fi.name} needs the parameter <${p.name}> (${p.type})`,
          { target }
        );
      continue;
    }
    if (!isEdmPrimitive(p.type))
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${target}: parameters of type ${p.type} are not supported (V2 function import parameters are primitive)`,
        { target }
      );
    const value = normalizeV2Value(p.type, arg.text ?? '', target);
    validateEdmFacets({ ...p, type: p.type }, value, target);
    const literal = v2Dialect.uriLiteral(p.type, value);
    pairs.push(
      `${encodeURIComponent(p.name)}=${encodeURIComponent(literal).replace(/%27/g, "'").replace(/%3A/gi, ':')}`
    );
  }
  return pairs.join('&');
}
