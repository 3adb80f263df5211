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
import type { EntityRecord } from '../../output/entity-record';
import type { FunctionResult } from '../../output/function-result-xml';
import { decodeFunctionResult } from '../function-result';
import type { PlannedItem, PlannedPart } from './batch-plan';
import { wholeFailureError, wholeFailureOf, type WholeFailure } from './changeset-failure';
import { decodeRecords, isAtomBody } from '../decode-records';

/** What one part's response carried, decoded. */
export type PartResult =
  | { readonly kind: 'entities'; readonly entitySet: string; readonly records: readonly EntityRecord[] }
  | { readonly kind: 'function'; readonly result: FunctionResult }
  | { readonly kind: 'count'; readonly entitySet: string; readonly count: string };

/** The report of one part: where it went, what came back. Nothing is dropped: every planned part has one. */
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

const SKIPPED_HEADERS = new Set(['content-length', 'content-transfer-encoding', 'content-id']);

/** An answer the service sent beyond the parts that were requested: reported with what it said, never dropped. */
export interface UnrequestedAnswer {
  /** 1-based number of the HTTP `$batch` request it came back in. */
  readonly request: number;
  /** Where it sat in the response: `item 4`, or `changeset 2, answer 3`. */
  readonly position: string;
  readonly answer: BatchResponsePart;
  readonly error: ConnectorError;
}

/** Every planned part's report, and the answers that match no part. */
export interface BatchReport {
  readonly parts: PartReport[];
  readonly unrequested: UnrequestedAnswer[];
}

/**
 * Maps a `$batch` response back onto the planned items, part by part: by Content-ID when the answers carry
 * the ones sent, else by position. A changeset answered by a single error (failed as a whole, nested in
 * the changeset or in its place) reports it on each of its parts, naming the part its Content-ID points to.
 * Parts left without an answer after a failure are reported as not processed because the service stopped
 * there (V2 services without continue-on-error do); answers beyond the requested parts are reported too.
 */
export function reportBatch(
  model: EdmModel,
  serviceRoot: string,
  items: readonly PlannedItem[],
  responses: readonly BatchResponseItem[],
  request: number
): BatchReport {
  const reports: PartReport[] = [];
  const unrequested: UnrequestedAnswer[] = [];
  let stoppedAfter: string | undefined;
  items.forEach((item, i) => {
    const response = responses[i];
    const parts = item.kind === 'query' ? [item.part] : item.parts;
    const answered = response === undefined ? [] : response.kind === 'single' ? [response.part] : response.parts;
    const whole = wholeFailureOf(parts, answered, status => !isSuccess(status));
    const answers = whole === undefined ? matchAnswers(parts, answered) : parts.map(() => whole.answer);
    const itemReports = parts.map((part, j): PartReport => {
      const answer = answers[j];
      if (answer !== undefined) return reportPart(model, serviceRoot, part, answer, request, whole);
      const why =
        stoppedAfter === undefined
          ? 'the $batch response has no answer for this part'
          : `not processed: the service stopped after the failure of ${stoppedAfter} and answered no later part`;
      const code = stoppedAfter === undefined ? 'RESPONSE_INVALID' : 'PARTIAL_FAILURE';
      return {
        part,
        request,
        headers: {},
        error: new ConnectorError(code, `${part.input.path}: ${why}`, {
          method: part.request.method,
          url: serviceRoot + part.request.url
        })
      };
    });
    reports.push(...itemReports);
    if (whole === undefined) {
      const used = new Set(answers);
      answered.forEach((answer, j) => {
        const where = item.kind === 'changeset' ? `changeset ${item.changeSet}` : `query part ${item.part.index}`;
        if (!used.has(answer))
          unrequested.push(
            unrequestedAnswer(
              request,
              `${where}, answer ${j + 1}`,
              answer,
              `${parts.length} part${parts.length === 1 ? ' was' : 's were'} requested in it`
            )
          );
      });
    }
    if (i === responses.length - 1 && responses.length < items.length) stoppedAfter = failureOf(itemReports, whole);
  });
  responses.slice(items.length).forEach((response, k) => {
    const answered = response.kind === 'single' ? [response.part] : response.parts;
    for (const answer of answered)
      unrequested.push(
        unrequestedAnswer(
          request,
          `item ${items.length + k + 1}`,
          answer,
          `this request held ${items.length} item${items.length === 1 ? '' : 's'}`
        )
      );
  });
  return { parts: reports, unrequested };
}

/** Names the failed part of the last answered item (`part 3 (POST Products)`), or undefined when it did not fail. */
function failureOf(reports: readonly PartReport[], whole: WholeFailure | undefined): string | undefined {
  if (whole !== undefined) {
    const { culprit } = whole;
    return culprit === undefined
      ? `changeset ${whole.changeSet} (parts ${reports.map(r => r.part.index).join(', ')})`
      : `part ${culprit.index} (${culprit.request.method} ${culprit.request.url})`;
  }
  const failed = reports.find(r => r.status !== undefined && !isSuccess(r.status));
  return failed === undefined
    ? undefined
    : `part ${failed.part.index} (${failed.part.request.method} ${failed.part.request.url})`;
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
  const ids = parts.map(p => p.request.contentId);
  const byId = new Map(answered.map(a => [a.contentId, a] as const));
  const usable =
    answered.length === parts.length &&
    byId.size === answered.length &&
    answered.every(a => a.contentId !== undefined && ids.includes(a.contentId));
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
  const target = { method: part.request.method as HttpMethod, url: serviceRoot + part.request.url };
  if (!isSuccess(answer.status)) {
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

function decodePart(model: EdmModel, part: PlannedPart, answer: BatchResponsePart): PartResult | undefined {
  const body = answer.body.trim();
  if (body === '') return undefined;
  const atom = isAtomBody(body, /xml/i.test(answer.headers['content-type'] ?? '') ? 'atom' : 'json');
  const decoder = part.decoder;
  switch (decoder.kind) {
    case 'count':
      return { kind: 'count', entitySet: decoder.entitySet, count: body };
    case 'function':
      return { kind: 'function', result: decodeFunctionResult(model, decoder.fi, body, atom) };
    case 'entity': {
      const page = decodeRecords(model, body, decoder.type, atom ? 'atom' : 'json');
      return {
        kind: 'entities',
        entitySet: decoder.entitySet || (page.records[0]?.typeName ?? 'Entities'),
        records: page.records
      };
    }
  }
}

/** Every part of a request that failed as a whole (CSRF, 4xx/5xx on the `$batch` itself, unreadable body). */
export function reportRequestFailure(
  items: readonly PlannedItem[],
  request: number,
  error: ConnectorError,
  response?: HttpResponse
): PartReport[] {
  const parts = items.flatMap(item => (item.kind === 'query' ? [item.part] : item.parts));
  return parts.map(part => ({
    part,
    request,
    ...(response === undefined ? {} : { status: response.status }),
    headers: {},
    error: new ConnectorError(
      error.code,
      `The $batch request ${request} failed, so this part was not processed: ${error.message}`,
      error.details
    )
  }));
}
