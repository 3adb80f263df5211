import {
  ConnectorError,
  httpStatusError,
  isSuccess,
  type BatchResponseItem,
  type BatchResponsePart,
  type EdmModel,
  type HttpMethod,
  type HttpResponse
} from '../../../../src/sdk';
import { decodeFunctionResult, type FunctionResult } from '../function-import';
import type { PlannedItem, PlannedPart } from './batch-plan';
import { decodeRecords, isAtomBody } from '../decode-records';

export type PartResult =
  FunctionResult | { readonly kind: 'count'; readonly entitySet: string; readonly count: string };

export interface PartReport {
  readonly part: PlannedPart;
  /** 1-based number of the HTTP `$batch` request it was sent in. */
  readonly request: number;
  readonly status?: number;
  readonly statusText?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly result?: PartResult;
  readonly error?: ConnectorError;
}

/** An answer the service sent beyond the parts that were requested: reported with what it said, never dropped. */
export interface UnrequestedAnswer {
  readonly request: number;
  /** Where it sat in the response: `item 4`, or `changeset 2, answer 3`. */
  readonly position: string;
  readonly answer: BatchResponsePart;
  readonly error: ConnectorError;
}

export interface BatchReport {
  readonly parts: PartReport[];
  readonly unrequested: UnrequestedAnswer[];
}

// A changeset the service answered with one error for all its parts; the culprit is the part its Content-ID names.
interface WholeFailure {
  readonly answer: BatchResponsePart;
  readonly culprit?: PlannedPart | undefined;
}

const SKIPPED_HEADERS = new Set(['content-length', 'content-transfer-encoding', 'content-id']);

// Parts without an answer after a failure were not processed: the service stopped there (V2 services without
// continue-on-error do).
export function reportBatch(
  model: EdmModel,
  serviceRoot: string,
  items: readonly PlannedItem[],
  responses: readonly BatchResponseItem[],
  request: number,
  report: BatchReport
): void {
  let stoppedAfter: string | undefined;
  items.forEach((item, i) => {
    const { parts } = item;
    const answered = answersOf(responses[i]);
    const whole = wholeFailureOf(item, answered);
    const answers = whole === undefined ? matchAnswers(parts, answered) : parts.map(() => whole.answer);
    const first = report.parts.length;
    parts.forEach((part, j) => {
      const answer = answers[j];
      report.parts.push(
        answer === undefined
          ? unanswered(part, request, serviceRoot, stoppedAfter)
          : reportPart(model, serviceRoot, part, answer, request, whole)
      );
    });
    if (whole === undefined) {
      const where = item.kind === 'changeset' ? `changeset ${item.changeSet}` : `query part ${item.parts[0].index}`;
      const requested = `${parts.length} part${parts.length === 1 ? ' was' : 's were'} requested in it`;
      const used = new Set(answers);
      answered.forEach((answer, j) => {
        if (!used.has(answer))
          report.unrequested.push(unrequestedAnswer(request, `${where}, answer ${j + 1}`, answer, requested));
      });
    }
    if (i === responses.length - 1 && responses.length < items.length)
      stoppedAfter = failureOf(report.parts.slice(first), whole);
  });
  const held = `this request held ${items.length} item${items.length === 1 ? '' : 's'}`;
  for (let k = items.length; k < responses.length; k++)
    for (const answer of answersOf(responses[k]))
      report.unrequested.push(unrequestedAnswer(request, `item ${k + 1}`, answer, held));
}

/** Reports every part of a request that failed as a whole (CSRF, 4xx/5xx on the `$batch` itself, unreadable body). */
export function reportRequestFailure(
  report: BatchReport,
  items: readonly PlannedItem[],
  request: number,
  error: ConnectorError,
  response?: HttpResponse
): void {
  const message = `The $batch request ${request} failed, so this part was not processed: ${error.message}`;
  for (const item of items)
    for (const part of item.parts)
      report.parts.push({
        part,
        request,
        ...(response === undefined ? {} : { status: response.status }),
        headers: {},
        error: new ConnectorError(error.code, message, error.details)
      });
}

function answersOf(response: BatchResponseItem | undefined): readonly BatchResponsePart[] {
  return response === undefined ? [] : response.kind === 'single' ? [response.part] : response.parts;
}

function unanswered(part: PlannedPart, request: number, serviceRoot: string, stoppedAfter?: string): PartReport {
  const why =
    stoppedAfter === undefined
      ? 'the $batch response has no answer for this part'
      : `not processed: the service stopped after the failure of ${stoppedAfter} and answered no later part`;
  const error = new ConnectorError(
    stoppedAfter === undefined ? 'RESPONSE_INVALID' : 'PARTIAL_FAILURE',
    `${part.input.path}: ${why}`,
    { method: part.request.method, url: serviceRoot + part.request.url }
  );
  return { part, request, headers: {}, error };
}

function wholeFailureOf(item: PlannedItem, answered: readonly BatchResponsePart[]): WholeFailure | undefined {
  const [answer] = answered;
  if (item.kind === 'query' || item.parts.length < 2 || answered.length !== 1 || answer === undefined) return undefined;
  if (isSuccess(answer.status)) return undefined;
  const culprit =
    answer.contentId === undefined ? undefined : item.parts.find(p => p.request.contentId === answer.contentId);
  return { answer, culprit };
}

/** Names the failed part of the last answered item (`part 3 (POST Products)`), or undefined when it did not fail. */
function failureOf(reports: readonly PartReport[], whole: WholeFailure | undefined): string | undefined {
  const failed =
    whole === undefined ? reports.find(r => r.status !== undefined && !isSuccess(r.status))?.part : whole.culprit;
  if (failed !== undefined) return `part ${failed.index} (${failed.request.method} ${failed.request.url})`;
  return whole === undefined
    ? undefined
    : `changeset ${reports[0]?.part.changeSet ?? ''} (parts ${reports.map(r => r.part.index).join(', ')})`;
}

function unrequestedAnswer(
  request: number,
  position: string,
  answer: BatchResponsePart,
  requested: string
): UnrequestedAnswer {
  const message = `The $batch response ${request} has an answer (${position}, ${answer.status}${answer.statusText === '' ? '' : ` ${answer.statusText}`}) for no requested part: ${requested}; what it says is kept here, but it cannot be matched to a part`;
  return {
    request,
    position,
    answer,
    error: new ConnectorError('RESPONSE_INVALID', message, { httpStatus: answer.status })
  };
}

// By Content-ID when every answer echoes a distinct one of the parts' (servers may reorder), else in order.
function matchAnswers(
  parts: readonly PlannedPart[],
  answered: readonly BatchResponsePart[]
): (BatchResponsePart | undefined)[] {
  const ids = new Set(parts.map(p => p.request.contentId));
  const byId = new Map(answered.map(a => [a.contentId, a] as const));
  const usable =
    answered.length === parts.length &&
    byId.size === answered.length &&
    answered.every(a => a.contentId !== undefined && ids.has(a.contentId));
  return usable ? parts.map(p => byId.get(p.request.contentId)) : parts.map((_, j) => answered[j]);
}

function reportPart(
  model: EdmModel,
  serviceRoot: string,
  part: PlannedPart,
  answer: BatchResponsePart,
  request: number,
  whole: WholeFailure | undefined
): PartReport {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(
      ([n, v]) => !SKIPPED_HEADERS.has(n) && !(n === 'content-type' && /^application\/http/i.test(v))
    )
  );
  const base = { part, request, status: answer.status, statusText: answer.statusText, headers };
  if (!isSuccess(answer.status)) {
    const target = { method: part.request.method as HttpMethod, url: serviceRoot + part.request.url };
    const error = httpStatusError(target, answer as HttpResponse);
    return { ...base, error: whole === undefined ? error : wholeFailureError(part, whole, error) };
  }
  try {
    const result = decodePart(model, part, answer);
    return result === undefined ? base : { ...base, result };
  } catch (error) {
    if (error instanceof ConnectorError) return { ...base, error };
    throw error;
  }
}

// The culprit reports the service's error as its own, the other parts as rolled back because of it.
function wholeFailureError(part: PlannedPart, whole: WholeFailure, serviceError: ConnectorError): ConnectorError {
  const { method, url, ...details } = serviceError.details;
  const { answer, culprit } = whole;
  const { changeSet } = part;
  const said =
    details.serviceMessage === undefined || details.serviceMessage === '' ? '' : `: ${details.serviceMessage}`;
  const id = answer.contentId ?? '';
  if (culprit === part)
    return new ConnectorError(
      'HTTP_STATUS',
      `Changeset ${changeSet} failed at this part (Content-ID ${id}), so none of its changes was applied; the service answered ${answer.status}${said}`,
      serviceError.details
    );
  const message =
    culprit !== undefined
      ? `Not applied: changeset ${changeSet} failed at part ${culprit.index} (Content-ID ${id}, ${culprit.request.method} ${culprit.request.url}), so the service applied none of its changes; it answered ${answer.status}${said}`
      : `The changeset failed as a whole: the service answered ${answer.status} once for all its parts${answer.contentId === undefined ? '' : ` (the answer names Content-ID ${id}, which is no part of this changeset)`}, none of its changes was applied${said}`;
  return new ConnectorError('HTTP_STATUS', message, details);
}

function decodePart(model: EdmModel, part: PlannedPart, answer: BatchResponsePart): PartResult | undefined {
  const body = answer.body.trim();
  if (body === '') return undefined;
  const format = /xml/i.test(answer.headers['content-type'] ?? '') ? 'atom' : 'json';
  const { decoder } = part;
  if (decoder.kind === 'count') return { kind: 'count', entitySet: decoder.entitySet, count: body };
  if (decoder.kind === 'function') return decodeFunctionResult(model, decoder.fi, body, isAtomBody(body, format));
  const { records } = decodeRecords(model, body, decoder.type, format);
  return { kind: 'entities', entitySet: decoder.entitySet || (records[0]?.typeName ?? 'Entities'), records };
}
