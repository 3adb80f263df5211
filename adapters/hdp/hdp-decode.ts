import {
  entityFailed,
  entityOk,
  isSuccess,
  objectResult,
  parseJsonBody,
  parseODataError,
  serviceFailure,
  type DecodeContext,
  type EntityProperty,
  type HttpResponse,
  type RestResult,
  type Outcome
} from '../../src/sdk';
import { hdpStatusHint, maskCredentials } from './hdp-connection';

/**
 * Decodes an HDP change: 2xx → OKEntities with `properties` and what `extra` reads from the body;
 * otherwise FailEntities with HDP's `{"error":{"code","message":{"value"}}}` and a hint (the permissions
 * for 401/403, or `conflictHint` for 409). Status -1 on failure.
 */
export function decodeHdpChange<Input>(
  response: HttpResponse,
  call: DecodeContext<Input>,
  entitySet: string,
  properties: readonly EntityProperty[],
  permissions: string,
  extra: (body: Record<string, unknown>) => EntityProperty[] | string = () => [],
  conflictHint?: string
): Outcome<RestResult> {
  if (isSuccess(response.status)) {
    const body = response.body.trim() === '' ? {} : parseJsonBody(call.request, response);
    const verdict = extra(body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {});
    if (typeof verdict !== 'string')
      return { status: 1, output: entityOk(entitySet, [...properties, ...verdict], response.status) };
    return {
      status: -1,
      output: entityFailed(entitySet, properties, serviceFailure(call.request, response, { message: verdict }))
    };
  }
  const hint = response.status === 409 ? conflictHint : hdpStatusHint(response, permissions);
  return {
    status: -1,
    output: entityFailed(
      entitySet,
      properties,
      serviceFailure(call.request, response, parseODataError(response.body), hint)
    )
  };
}

/** Decodes an HDP read: 2xx → `<Object>` of the body with credentials masked; otherwise an `<Error>` (status -1). */
export function decodeHdpRead<Input>(
  response: HttpResponse,
  call: DecodeContext<Input>,
  permissions: string
): Outcome<RestResult> {
  if (!isSuccess(response.status))
    throw serviceFailure(call.request, response, parseODataError(response.body), hdpStatusHint(response, permissions));
  return { status: 1, output: objectResult(maskCredentials(parseJsonBody(call.request, response))) };
}
