import {
  entityFailed,
  entityOk,
  isSuccess,
  parseJsonBody,
  serviceFailure,
  type DecodeContext,
  type EntityProperty,
  type HttpResponse,
  type RestResult,
  type Outcome
} from '../../src/sdk';
import { mrsStatusHint, parseHuaweiError } from './mrs-error';

/** The entity set name MRS data connections are reported under. */
export const DATA_CONNECTOR_SET = 'DataConnector';

/**
 * Decodes a change (create/update/delete): a 2xx whose body passes `accept` is OKEntities with
 * `properties` plus what `extra` reads from the body; anything else is FailEntities with Huawei's
 * error_code/error_msg/request_id and status -1.
 */
export function decodeMrsChange<Input>(
  response: HttpResponse,
  call: DecodeContext<Input>,
  properties: readonly EntityProperty[],
  accept: (body: Record<string, unknown>) => EntityProperty[] | string
): Outcome<RestResult> {
  if (isSuccess(response.status)) {
    const body = response.body.trim() === '' ? {} : parseJsonBody(call.request, response);
    const verdict = accept(body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {});
    if (typeof verdict !== 'string')
      return { status: 1, output: entityOk(DATA_CONNECTOR_SET, [...properties, ...verdict], response.status) };
    const service = parseHuaweiError(response.body);
    const error = serviceFailure(call.request, response, { ...service, message: service.message ?? verdict });
    return { status: -1, output: entityFailed(DATA_CONNECTOR_SET, properties, error) };
  }
  const error = serviceFailure(call.request, response, parseHuaweiError(response.body), mrsStatusHint(response));
  return { status: -1, output: entityFailed(DATA_CONNECTOR_SET, properties, error) };
}

/**
 * Accepts the documented successes of UpdateDataConnector: the response table says `succeeded`, the
 * example response shows `{"result":"succeed"}`; both are taken. Anything else (`failed`, none) is a failure.
 */
export function acceptSucceed(body: Record<string, unknown>): EntityProperty[] | string {
  const result = body['result'];
  return result === 'succeed' || result === 'succeeded'
    ? [{ name: 'result', type: 'String', value: result }]
    : `MRS answered result ${JSON.stringify(result ?? null)} instead of "succeed"/"succeeded"`;
}
