import {
  definePlannedOperation,
  type Operation,
  type Outcome,
  type PlanContext,
  type PlannedOperationDefinition
} from '../connector/connector';
import type { ParamSpecs, ParamsOf } from '../connector/param-spec';
import { send, type Plan } from '../connector/plan';
import type { XmlElement } from '../envelope/xml-element';
import { isConnectorError, type ConnectorError } from '../errors/connector-error';
import { isSuccess } from '../odata/odata-error';
import type { EntityProperty } from '../output/entity-response-xml';
import { sanitizeUrl } from '../transport/redact';
import type { HttpMethod, HttpRequest, HttpResponse } from '../transport/transport';
import { buildJsonFromXml, secretsOf, type Json, type ObjectShape } from './json-shape';
import { maskCredentials } from './mask-credentials';
import type { RestConnection } from './rest-connection';
import { sendPages, type Exchange, type RestPaging } from './rest-paging';
import { buildRestRequest, type RequestParts } from './rest-request';
import { entityFailed, entityOk, objectResult, writeRestResult, type RestResult } from './rest-result';
import { parseJsonBody, redactError, serviceFailure } from './service-failure';
import { outcomeUnknown, withAttempts, withUnknownOutcome, type NotIdempotent } from './unknown-outcome';

/** The envelope's fields as JSON, validated by the operation's `fields` shape. */
export type EnvelopeJson = Record<string, Json>;

/** What a decoder gets besides the response. */
export interface DecodeContext<Input, Params> {
  readonly request: HttpRequest;
  readonly input: Input;
  readonly params: Params;
}

/**
 * What an operation reports, declared as data:
 * - `object`: a read, the answer's JSON as an `<Object>` (optionally reshaped), credential-named members masked;
 * - `entity`: a change, OKEntities/FailEntities of `entitySet` with the `keys` that name what changed; `accept`
 *   reads a 2xx answer (more properties, or why it is a failure after all).
 */
export type RestResultSpec<Input, Params> =
  | { readonly kind: 'object'; readonly map?: (body: unknown) => unknown }
  | {
      readonly kind: 'entity';
      readonly entitySet: string;
      keys(input: Input, params: Params): EntityProperty[];
      accept?(body: Readonly<Record<string, unknown>>, input: Input): EntityProperty[] | string;
    };

/**
 * One REST operation declared as data: method, path template (placeholders named after parameters), query
 * parameters, the envelope's fields, paging, and what it reports. Functions are left only for what is the
 * operation's own: rules across fields (`read`), unusual request parts (`request`), advice (`hint`), and a
 * decoder for an answer no `result` kind describes (`decode`).
 */
export interface RestOperationSpec<Params, Input> {
  readonly description: string;
  readonly params?: ParamSpecs;
  readonly envelope: 'none' | 'optional' | 'required';
  readonly roots?: readonly string[];
  readonly method: HttpMethod;
  /** Path template, e.g. `/v2/{projectId}/data-connectors/{connectorId}`: each placeholder takes that parameter. */
  readonly path: string;
  /** Query name → the parameter it carries, in the documented order; unset parameters are left out. */
  readonly query?: Readonly<Record<string, keyof Params & string>>;
  /** '&' unless the API documents another separator. */
  readonly querySeparator?: string;
  /** The envelope's fields: read into JSON and validated before `read`; `secret` fields are registered first. */
  readonly fields?: ObjectShape;
  /**
   * Set for an operation that must not be sent twice (a create): its connection retries it only where the
   * service refused before acting (a 429), and a 5xx or timeout reports the outcome as unknown.
   */
  readonly notIdempotent?: NotIdempotent;
  readonly paging?: RestPaging<Params>;
  /** PURE: parameters and the envelope's JSON → typed input (rules across fields). Default: the JSON. */
  read?(params: Params, json: EnvelopeJson | undefined): Input;
  /** PURE: request parts beyond the declared ones (a JSON body, headers, computed query). */
  request?(input: Input, params: Params): RequestParts;
  /** Advice for an error status, before the connection's. */
  hint?(response: HttpResponse, input: Input): string | undefined;
  /** What the operation reports; an `<Object>` of the answer when absent. */
  readonly result?: RestResultSpec<Input, Params>;
  /** PURE: the answer → status and result, for answers no `result` kind describes. May throw ConnectorError. */
  decode?(response: HttpResponse, call: DecodeContext<Input, Params>): Outcome<RestResult>;
}

/** The input of a plan: the typed input, and the envelope's secrets to register before anything is sent. */
interface ReadInput<Input> {
  readonly value: Input;
  readonly secrets: readonly string[];
}

/**
 * The operation builder of a REST connector: operations read their parameters typed from the connector-wide
 * specs and their own, and send through `connection` (base URL, auth, retries, error format).
 */
export function restOperationsOf<Specs extends ParamSpecs>(
  connectorParams: Specs,
  connection: RestConnection<ParamsOf<Specs>>
): {
  define<const Own extends ParamSpecs = Record<never, never>, Input = EnvelopeJson | undefined>(
    spec: RestOperationSpec<ParamsOf<Specs & Own>, Input> & { readonly params?: Own }
  ): Operation;
} {
  void connectorParams;
  return {
    define: spec => defineRestOperation(spec, connection)
  };
}

/** Turns a {@link RestOperationSpec} into an operation of a connector's table: read → plan → write. */
export function defineRestOperation<Params, Input>(
  spec: RestOperationSpec<Params, Input>,
  connection: RestConnection<Params>
): Operation {
  const definition: PlannedOperationDefinition<Params, ReadInput<Input>, RestResult, undefined> = {
    description: spec.description,
    ...(spec.params === undefined ? {} : { params: spec.params }),
    envelope: spec.envelope,
    ...(spec.roots === undefined ? {} : { roots: spec.roots }),
    idempotent: spec.notIdempotent === undefined,
    read(envelope, params) {
      connection.check?.(params);
      return readRestInput(spec, envelope, params);
    },
    plan: (input, ctx) => restPlan(spec, connection, input, ctx),
    write: (output, w) => writeRestResult(w, output)
  };
  return definePlannedOperation(definition);
}

/**
 * Reads the envelope by the declared fields, then the operation's own rules. The envelope's secrets are found
 * first, so a validation message that quotes one is redacted too.
 */
function readRestInput<Params, Input>(
  spec: RestOperationSpec<Params, Input>,
  envelope: XmlElement | undefined,
  params: Params
): ReadInput<Input> {
  const fields = spec.fields;
  const secrets = envelope === undefined || fields === undefined ? [] : secretsOf(envelope, fields);
  try {
    const json = envelope === undefined || fields === undefined ? undefined : buildJsonFromXml(envelope, fields);
    const value = spec.read === undefined ? (json as Input) : spec.read(params, json);
    return { value, secrets };
  } catch (error) {
    throw isConnectorError(error) ? redactError(error, secrets) : error;
  }
}

/** Builds the request of an operation for a given input (pure; for specs and the plan). */
function requestOf<Params, Input>(
  spec: RestOperationSpec<Params, Input>,
  connection: RestConnection<Params>,
  input: Input,
  params: Params
): HttpRequest {
  const typed = params as Params & Readonly<Record<string, string | number | boolean | undefined>>;
  return buildRestRequest(
    {
      method: spec.method,
      baseUrl: String(typed[connection.baseUrl]),
      path: spec.path,
      ...(spec.query === undefined ? {} : { query: spec.query }),
      ...(spec.querySeparator === undefined ? {} : { querySeparator: spec.querySeparator })
    },
    typed,
    spec.request?.(input, params)
  );
}

function* restPlan<Params, Input>(
  spec: RestOperationSpec<Params, Input>,
  connection: RestConnection<Params>,
  input: ReadInput<Input>,
  ctx: PlanContext<Params, undefined>
): Plan<Outcome<RestResult>> {
  ctx.addSecrets(input.secrets);
  let response: HttpResponse | undefined;
  const finish = (error: ConnectorError): ConnectorError => {
    const counted = withAttempts(error, response);
    return spec.notIdempotent !== undefined && outcomeUnknown(counted)
      ? withUnknownOutcome(counted, spec.notIdempotent)
      : counted;
  };
  try {
    const build = (params: Params): HttpRequest => requestOf(spec, connection, input.value, params);
    const first = build(ctx.params);
    ctx.log('debug', `${first.method} ${sanitizeUrl(first.url)}`);
    const exchange: Exchange =
      spec.paging === undefined
        ? { request: first, response: yield* send(first) }
        : yield* sendPages(spec.paging, ctx.params as Params & Readonly<Record<string, unknown>>, build);
    response = exchange.response;
    const outcome = decodeRest(spec, connection, exchange, {
      request: exchange.request,
      input: input.value,
      params: ctx.params
    });
    const result = outcome.output;
    return result.kind === 'entity' && result.error !== undefined
      ? { status: outcome.status, output: { ...result, error: finish(result.error) } }
      : outcome;
  } catch (error) {
    throw isConnectorError(error) ? finish(error) : error;
  }
}

/** Decodes an answer by the operation's `result` declaration (or its own decoder). */
function decodeRest<Params, Input>(
  spec: RestOperationSpec<Params, Input>,
  connection: RestConnection<Params>,
  exchange: Exchange,
  call: DecodeContext<Input, Params>
): Outcome<RestResult> {
  if (spec.decode !== undefined) return spec.decode(exchange.response, call);
  const { request, response } = exchange;
  const result = spec.result ?? { kind: 'object' };
  const hint = (): string | undefined => spec.hint?.(response, call.input) ?? connection.hint?.(response);
  if (result.kind === 'object') {
    if (!isSuccess(response.status))
      throw serviceFailure(request, response, connection.serviceError(response.body), hint());
    const body = parseJsonBody(request, response);
    return { status: 1, output: objectResult(maskCredentials(result.map === undefined ? body : result.map(body))) };
  }
  const keys = result.keys(call.input, call.params);
  if (!isSuccess(response.status)) {
    const error = serviceFailure(request, response, connection.serviceError(response.body), hint());
    return { status: -1, output: entityFailed(result.entitySet, keys, error) };
  }
  const body = response.body.trim() === '' ? {} : parseJsonBody(request, response);
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const verdict = result.accept?.(record, call.input) ?? [];
  if (typeof verdict !== 'string')
    return { status: 1, output: entityOk(result.entitySet, [...keys, ...verdict], response.status) };
  const service = connection.serviceError(response.body);
  const error = serviceFailure(request, response, { ...service, message: service.message ?? verdict });
  return { status: -1, output: entityFailed(result.entitySet, keys, error) };
}
