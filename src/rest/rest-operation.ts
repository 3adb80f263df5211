import { randomBytes } from 'node:crypto';
import { defineOperation, type Operation, type Outcome } from '../connector/connector';
import type { ParamSpecs, ResolvedParams } from '../connector/param-spec';
import type { XmlElement } from '../envelope/xml-element';
import { isConnectorError, type ConnectorError } from '../errors/connector-error';
import { composeTransport, type TransportMiddleware } from '../transport/middleware';
import { sanitizeUrl } from '../transport/redact';
import type { HttpMethod, HttpRequest, HttpResponse } from '../transport/transport';
import { writeRestResult, type RestResult } from './rest-result';
import { buildQueryString, expandPathTemplate, joinUrl } from './path-template';
import { redactError } from './service-failure';
import { outcomeUnknown, withAttempts, withUnknownOutcome, type NotIdempotent } from './unknown-outcome';

/** What a connection's middlewares get for one invocation. */
export interface ConnectionCall {
  /** The runtime's clock (signing dates). */
  readonly now: () => Date;
  /** A fresh nonce per call (signing); the runtime's, random unless a test pins it. */
  readonly nonce: () => string;
  /** False for an operation that must not be sent again once it may have reached the server (a create). */
  readonly idempotent: boolean;
}

const randomNonce = (): string => randomBytes(16).toString('hex');

/** Where a connector's operations send to, and how each invocation authenticates (shared by its operations). */
export interface RestConnection {
  /** The base URL the path templates are appended to, from the resolved parameters. */
  baseUrl(params: ResolvedParams): string;
  /** Middlewares for one invocation (signing, retries); they get the runtime's clock and nonces. First listed runs first. */
  middlewares?(params: ResolvedParams, call: ConnectionCall): TransportMiddleware[];
}

/** The variable parts of one request, mapped from the typed input. */
export interface RequestParts {
  readonly pathParams?: Readonly<Record<string, string | undefined>>;
  /** Query parameters in order; undefined values are left out. */
  readonly query?: ReadonlyArray<readonly [string, string | undefined]>;
  /** '&' unless the API documents another separator. */
  readonly querySeparator?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: { readonly contentType: string; readonly text: string };
}

/** What a decoder gets besides the response. */
export interface DecodeContext<Input> {
  readonly request: HttpRequest;
  readonly input: Input;
  readonly params: ResolvedParams;
}

/**
 * One management-API operation declared as data: method, path template, the mapping of the typed input
 * onto path/query/headers/body, and the mapping of the response onto a {@link RestResult}.
 */
export interface RestOperationSpec<Input> {
  readonly description: string;
  readonly params?: ParamSpecs;
  readonly envelope: 'none' | 'optional' | 'required';
  readonly roots?: readonly string[];
  readonly connection: RestConnection;
  readonly method: HttpMethod;
  /** Path template, e.g. `/v2/{project_id}/data-connectors/{connector_id}`. */
  readonly path: string;
  /**
   * Set for an operation that is not idempotent (a create): its connection retries it only where the request
   * cannot have reached the server (a 429), and a 5xx or timeout reports the outcome as unknown.
   */
  readonly notIdempotent?: NotIdempotent;
  /** PURE: envelope + params → typed input; validates every field before anything is sent. */
  read(envelope: XmlElement | undefined, params: ResolvedParams): Input;
  /** PURE: the request's path values, query, headers and body. */
  request?(input: Input, params: ResolvedParams): RequestParts;
  /** Values in the input that must never be shown (passwords inside bodies); redacted from errors. */
  secrets?(input: Input): readonly string[];
  /** PURE: the response → status and result. May throw ConnectorError (status -1 with `<Error>`). */
  decode(response: HttpResponse, call: DecodeContext<Input>): Outcome<RestResult>;
}

/** Builds the HTTP request of an operation for a given input (pure; exported for unit specs). */
export function buildRestRequest<Input>(
  spec: RestOperationSpec<Input>,
  input: Input,
  params: ResolvedParams
): HttpRequest {
  const parts = spec.request?.(input, params) ?? {};
  const path = expandPathTemplate(spec.path, parts.pathParams ?? {});
  const url = joinUrl(spec.connection.baseUrl(params), path, buildQueryString(parts.query ?? [], parts.querySeparator));
  const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
  if (parts.body !== undefined) headers['content-type'] = parts.body.contentType;
  return { method: spec.method, url, headers, ...(parts.body === undefined ? {} : { body: parts.body.text }) };
}

/** Turns an {@link RestOperationSpec} into an operation of a connector's table. */
export function defineRestOperation<Input>(spec: RestOperationSpec<Input>): Operation {
  return defineOperation<Input, RestResult>({
    description: spec.description,
    ...(spec.params === undefined ? {} : { params: spec.params }),
    envelope: spec.envelope,
    ...(spec.roots === undefined ? {} : { roots: spec.roots }),
    read: (envelope, params) => spec.read(envelope, params),
    async execute(input, ctx) {
      const secrets = spec.secrets?.(input) ?? [];
      ctx.addSecrets(secrets);
      const call: ConnectionCall = {
        now: ctx.now,
        nonce: ctx.nonce ?? randomNonce,
        idempotent: spec.notIdempotent === undefined
      };
      let response: HttpResponse | undefined;
      const finish = (error: ConnectorError): ConnectorError => {
        const counted = withAttempts(error, response);
        const told =
          spec.notIdempotent !== undefined && outcomeUnknown(counted)
            ? withUnknownOutcome(counted, spec.notIdempotent)
            : counted;
        return redactError(told, secrets);
      };
      try {
        const request = buildRestRequest(spec, input, ctx.params);
        const transport = composeTransport(ctx.transport, ...(spec.connection.middlewares?.(ctx.params, call) ?? []));
        ctx.log('debug', `${request.method} ${sanitizeUrl(request.url)}`);
        response = await transport.send(request);
        const outcome = spec.decode(response, { request, input, params: ctx.params });
        const result = outcome.output;
        return result.kind === 'entity' && result.error !== undefined
          ? { status: outcome.status, output: { ...result, error: finish(result.error) } }
          : outcome;
      } catch (error) {
        throw isConnectorError(error) ? finish(error) : error;
      }
    },
    write: (output, w) => writeRestResult(w, output)
  });
}
