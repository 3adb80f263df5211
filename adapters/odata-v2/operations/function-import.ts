import {
  ConnectorError,
  encodeQueryValue,
  envelopeError,
  v2Dialect,
  isEdmPrimitive,
  isNil,
  normalizeV2Value,
  validateEdmFacets,
  type EdmModel,
  type EdmOperation,
  type HttpMethod,
  sendChecked,
  withQuery,
  type XmlElement
} from '../../../src/sdk';
import { queryOptionsParam, v2Operations } from '../params';
import { checkQueryNames } from './query-check';
import { encodeQueryOptions, functionImportOf } from './resource-path';
import { serviceRequest, v2Model, v2Service } from './v2-service';
import { decodeFunctionResult, returnedEntityType, writeFunctionResult } from './function-result';

export const functionImportOperation = v2Operations.define({
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
  model: v2Model,
  read(envelope, params) {
    return {
      name: params.functionImport,
      arguments: envelope?.children ?? [],
      query: encodeQueryOptions(params.queryOptions),
      envelopeName: envelope?.name
    };
  },
  *plan(input, ctx) {
    const service = v2Service(ctx);
    const { model } = service;
    // the model first: a misspelt functionImport parameter is named as such, with the service's imports
    const fi = functionImportOf(model, input.name);
    if (input.envelopeName !== undefined && input.envelopeName !== input.name) {
      throw envelopeError(
        `The envelope root <${input.envelopeName}> must be the function import's name <${input.name}> (the functionImport parameter)`,
        input.envelopeName
      );
    }
    const returned = returnedEntityType(model, fi);
    if (returned !== undefined) checkQueryNames(model, returned, input.query);
    const query = [buildArguments(model, fi, input.arguments), input.query].filter(q => q !== '').join('&');
    const method: HttpMethod = (['POST', 'PUT', 'DELETE', 'MERGE'] as const).find(m => m === fi.httpMethod) ?? 'GET';
    // some servers (CAP) read the URL parameters of a POST only with a JSON content type
    const request = serviceRequest(
      service,
      method,
      withQuery(encodeURIComponent(fi.name), query),
      method === 'GET' ? {} : { 'content-type': 'application/json' }
    );
    const response = yield* sendChecked(request);
    const atom = service.format === 'atom' || /xml/i.test(response.headers['content-type'] ?? '');
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
    pairs.push(`${encodeQueryValue(p.name)}=${encodeQueryValue(v2Dialect.uriLiteral(p.type, value))}`);
  }
  return pairs.join('&');
}
