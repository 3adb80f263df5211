import {
  ConnectorError,
  entityFailed,
  entityOk,
  objectResult,
  property,
  serviceFailure,
  type DecodeContext,
  type EntityProperty,
  type HttpResponse,
  type NotIdempotent,
  type Operation,
  type Outcome,
  type ParamsOf,
  type RestResult
} from '../../src/sdk';
import { dataworksOperation, type dataworksParams } from './dataworks-connection';
import { alibabaErrorOf, decodeAlibabaBody, isAlibabaSuccess } from './decode-response';
import { percentEncode } from './percent-encode';
import { rpcFieldsShape, splitRpcFields, valueOf, type RpcFields, type RpcRequest } from './rpc-fields';

type Call = DecodeContext<RpcRequest, ParamsOf<typeof dataworksParams>>;

/** What an action reports: a change (OK/FailEntities) keyed by `idField`, or a read (`<Object>` of `Data`). */
export type RpcResultSpec =
  | { readonly kind: 'entity'; readonly entitySet: string; readonly idField: string; readonly idFromData?: boolean }
  | { readonly kind: 'object' };

/** One RPC-style DataWorks action declared as data. */
export interface RpcOperationSpec {
  readonly action: string;
  readonly description: string;
  readonly fields: RpcFields;
  /** Rules across fields, checked after each field's own. */
  readonly validate?: (request: RpcRequest) => void;
  readonly result: RpcResultSpec;
  /** For an action that must not run twice (Create, Publish): what shows whether it took effect. */
  readonly notIdempotent?: NotIdempotent;
  /**
   * For an action retried on InternalError.* whose effect a retry cannot repeat (Delete): the error code that, after
   * an earlier attempt answered 5xx, means that attempt did the work (`outcome` names it). Reported as done, with an Outcome note.
   */
  readonly doneIfRetryAnswers?: { readonly code: string; readonly outcome: string };
}

function hintOf(spec: RpcOperationSpec, code: string | undefined, response: HttpResponse): string | undefined {
  const action = spec.action;
  // Not retried and not to be retried blindly: the unknown-outcome note says what to check instead.
  if (spec.notIdempotent !== undefined && response.status >= 500) return undefined;
  const attempts = response.attempts ?? 1;
  const transient =
    attempts > 1
      ? `transient failure; gave up after ${attempts} attempts with backoff`
      : 'transient failure; retry later';
  if (code === undefined) return response.status === 429 || response.status >= 500 ? transient : undefined;
  if (/^(Throttling|InternalError|ServiceUnavailable)/.test(code)) return transient;
  if (/Signature|AccessKey/i.test(code)) return 'check accessKeyId, accessKeySecret and the clock';
  if (/^Forbidden/i.test(code) || response.status === 403)
    return `the RAM identity needs permission for dataworks:${action}`;
  return undefined;
}

function failureOf(
  spec: RpcOperationSpec,
  response: HttpResponse,
  call: Call,
  body: Record<string, unknown> | undefined
): ConnectorError {
  // The kit adds how many attempts were made.
  const service = alibabaErrorOf(body);
  return serviceFailure(
    call.request,
    response,
    body === undefined && response.body.trim() !== '' ? { message: response.body.trim().slice(0, 300) } : service,
    hintOf(spec, service.code, response)
  );
}

const requestIdOf = (body: Record<string, unknown> | undefined): EntityProperty[] =>
  body?.['RequestId'] === undefined ? [] : [property('RequestId', String(body['RequestId']))];

/** An ErrorCode/ErrorMessage beside `Success: true` (the documented sample has one): shown as answered, never dropped. */
function notesOf(body: Record<string, unknown> | undefined): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const name of ['ErrorCode', 'ErrorMessage']) {
    const v = body?.[name];
    if (v !== undefined && v !== null && v !== '') notes[name] = String(v);
  }
  return notes;
}

/**
 * The Outcome note when a retry's error shows an earlier attempt did the work: that attempt answered 5xx (so it may
 * have acted) and the retry answered `doneIfRetryAnswers`. After throttling alone nothing was done, so it stays a failure.
 */
function doneEarlier(
  spec: RpcOperationSpec,
  response: HttpResponse,
  body: Record<string, unknown> | undefined
): EntityProperty | undefined {
  const earlier = response.earlierStatuses ?? [];
  const code = alibabaErrorOf(body).code;
  const failed = earlier.findIndex(status => status >= 500);
  const rule = spec.doneIfRetryAnswers;
  if (rule === undefined || code !== rule.code || failed < 0) return undefined;
  return property(
    'Outcome',
    `${rule.outcome}: attempt ${failed + 1} of ${earlier.length + 1} answered ${earlier[failed] ?? ''} and the retry answered ${code}, so that attempt went through`
  );
}

function decodeRpc(spec: RpcOperationSpec, response: HttpResponse, call: Call): Outcome<RestResult> {
  const body = decodeAlibabaBody(response);
  const ok = isAlibabaSuccess(response, body);
  const data = body?.['Data'];
  if (spec.result.kind === 'object') {
    if (!ok) throw failureOf(spec, response, call, body);
    return {
      status: 1,
      output: objectResult({
        ...(body?.['RequestId'] === undefined ? {} : { RequestId: body['RequestId'] }),
        ...notesOf(body),
        Data: data ?? null
      })
    };
  }
  const { entitySet, idField, idFromData } = spec.result;
  const given = valueOf(call.input, idField);
  const keys: EntityProperty[] = [
    ...(given === undefined ? [] : [property(idField, given, 'Number', true)]),
    ...(valueOf(call.input, 'ProjectId') === undefined
      ? []
      : [property('ProjectId', valueOf(call.input, 'ProjectId') ?? '', 'Number')])
  ];
  if (!ok) {
    const done = doneEarlier(spec, response, body);
    // No httpStatus: the last answer was an error; the Outcome note tells the story.
    if (done !== undefined) return { status: 1, output: entityOk(entitySet, [...keys, done, ...requestIdOf(body)]) };
    return { status: -1, output: entityFailed(entitySet, keys, failureOf(spec, response, call, body)) };
  }
  if (String(data) === 'false') {
    const error = serviceFailure(call.request, response, {
      ...alibabaErrorOf(body),
      message: `${spec.action} answered Data=false (nothing was changed)`
    });
    return { status: -1, output: entityFailed(entitySet, keys, error) };
  }
  const created =
    idFromData === true && data !== undefined && data !== null ? [property(idField, String(data), 'Number', true)] : [];
  const notes = Object.entries(notesOf(body)).map(([name, v]) => property(name, v));
  const facts = [
    ...(idFromData === true ? [] : [property('Data', String(data ?? true), 'Boolean')]),
    ...requestIdOf(body),
    ...notes
  ];
  return { status: 1, output: entityOk(entitySet, [...created, ...keys, ...facts], response.status) };
}

/** Turns an RPC action declaration into an operation: `POST {endpoint}/?<query>` with the long fields in a form body. */
export function rpcOperation(spec: RpcOperationSpec): Operation {
  return dataworksOperation.define({
    description: spec.description,
    envelope: 'required',
    roots: [spec.action],
    method: 'POST',
    path: '/',
    fields: rpcFieldsShape(spec.fields),
    ...(spec.notIdempotent === undefined ? {} : { notIdempotent: spec.notIdempotent }),
    read(_, json) {
      const request = splitRpcFields(json ?? {}, spec.fields);
      spec.validate?.(request);
      return request;
    },
    request: input => ({
      query: input.query,
      headers: { 'x-acs-action': spec.action },
      ...(input.body.length === 0
        ? {}
        : {
            body: {
              contentType: 'application/x-www-form-urlencoded',
              text: input.body.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
            }
          })
    }),
    decode: (response, call) => decodeRpc(spec, response, call)
  });
}
