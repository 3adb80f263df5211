import {
  childOf,
  ConnectorError,
  encodeQueryValue,
  envelopeError,
  fromV2AtomValue,
  isEdmPrimitive,
  isLosslessObject,
  isNil,
  itemTypeOf,
  normalizeV2Value,
  sendChecked,
  v2Dialect,
  validateEdmFacets,
  withQuery,
  type EdmModel,
  type EdmOperation,
  type EdmStructuredType,
  type HttpMethod,
  type LosslessJson,
  type XmlAttributes,
  type XmlElement,
  type XmlWriter
} from '../../../src/sdk';
import { entitySetOfType } from '../envelope/entity-payload';
import {
  writeEntitySet,
  writeFields,
  XSI_NAMESPACE,
  type EntityRecord,
  type RecordField
} from '../output/entity-set-xml';
import { queryOptionsParam, v2Operations } from '../params';
import {
  decodeAtomPage,
  decodeAtomProperty,
  decodeComplex,
  decodeJsonPage,
  parseAtomBody,
  parseJsonBody,
  unwrapV2Json
} from './decode-records';
import { checkQueryNames, encodeQueryOptions } from './resource-path';
import { serviceRequest, v2Model, v2Service } from './v2-service';

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

export function functionImportOf(model: EdmModel, name: string): EdmOperation {
  const found = model.imports.get(name)?.[0];
  if (found === undefined) {
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no function import "${name}"; its function imports: ${[...model.imports.keys()].join(', ') || '(none)'}`,
      { target: name }
    );
  }
  return found;
}

export type FunctionResult =
  | { readonly kind: 'void'; readonly name: string }
  | { readonly kind: 'entities'; readonly entitySet: string; readonly records: readonly EntityRecord[] }
  | {
      readonly kind: 'complex';
      readonly name: string;
      readonly typeName: string;
      readonly items: readonly (readonly RecordField[] | null)[];
    }
  | {
      readonly kind: 'primitive';
      readonly name: string;
      readonly collection: boolean;
      readonly values: readonly (string | null)[];
    };

export function returnedEntityType(model: EdmModel, fi: EdmOperation): EdmStructuredType | undefined {
  return model.entityTypes.get(itemTypeOf(fi.returnType) ?? fi.returnType ?? '');
}

export function decodeFunctionResult(model: EdmModel, fi: EdmOperation, body: string, atom: boolean): FunctionResult {
  const { name, returnType } = fi;
  if (returnType === undefined || body.trim() === '') return { kind: 'void', name };
  const entityType = returnedEntityType(model, fi);
  if (entityType !== undefined) {
    const page = atom ? decodeAtomPage(model, body, entityType) : decodeJsonPage(model, body, entityType);
    const entitySet = fi.entitySet ?? entitySetOfType(model, entityType.qualifiedName) ?? name;
    return { kind: 'entities', entitySet, records: page.records };
  }
  const collection = itemTypeOf(returnType) !== undefined;
  const type = itemTypeOf(returnType) ?? returnType;
  const complexType = model.complexTypes.get(type);
  if (complexType !== undefined) {
    const fields = atom
      ? atomValues(body, collection).map(e => decodeAtomProperty(model, e, undefined))
      : jsonValues(body, name).map(v => decodeComplex(model, 'x', v, complexType));
    const items = fields.map(f => (f.kind === 'complex' ? f.fields : null));
    return { kind: 'complex', name, typeName: complexType.name, items };
  }
  const primitive = isEdmPrimitive(type) ? type : undefined;
  const values = atom
    ? atomValues(body, collection).map(e =>
        primitive === undefined ? (e.text ?? null) : fromV2AtomValue(primitive, e.text ?? '')
      )
    : jsonValues(body, name).map(v =>
        primitive !== undefined ? v2Dialect.fromJsonValue(primitive, v) : v === null ? null : String(v)
      );
  return { kind: 'primitive', name, collection, values };
}

// standard V2: <d:Fn>value</d:Fn> or <d:Fn><d:element>…</d:element></d:Fn>; CAP: an <entry> with text content
function atomValues(body: string, collection: boolean): readonly XmlElement[] {
  const root = parseAtomBody(body);
  return root.name === 'entry' ? [childOf(root, 'content') ?? root] : collection ? root.children : [root];
}

// a single complex or primitive value comes wrapped in an object named after the function: {"d":{"Fn":…}}
function jsonValues(body: string, name: string): readonly LosslessJson[] {
  const { items, single } = unwrapV2Json(parseJsonBody(body));
  return single ? items.map(v => (isLosslessObject(v) && name in v ? (v[name] ?? null) : v)) : items;
}

// Complex values as `<Fn><ComplexType>…</ComplexType></Fn>`, primitives as `<Fn>7</Fn>` or `<Fn><element>…`.
export function writeFunctionResult(w: XmlWriter, result: FunctionResult): void {
  switch (result.kind) {
    case 'void':
      w.leaf(result.name);
      return;
    case 'entities':
      writeEntitySet(w, result.entitySet, result.records);
      return;
    case 'complex':
      w.open(result.name, [['xmlns:xsi', XSI_NAMESPACE]]);
      writeFields(
        w,
        result.items.map((fields): RecordField => ({ kind: 'complex', name: result.typeName, fields }))
      );
      w.close();
      return;
    case 'primitive': {
      const [single = null] = result.values;
      if (!result.collection) {
        const nil: XmlAttributes = [
          ['xmlns:xsi', XSI_NAMESPACE],
          ['xsi:nil', 'true']
        ];
        w.leaf(result.name, single === null ? nil : [], single ?? undefined);
        return;
      }
      w.open(result.name, [['xmlns:xsi', XSI_NAMESPACE]]);
      writeFields(
        w,
        result.values.map((value): RecordField => ({ kind: 'primitive', name: 'element', value }))
      );
      w.close();
    }
  }
}
