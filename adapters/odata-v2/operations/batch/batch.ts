import {
  type BatchRequestItem,
  buildBatchBodies,
  ConnectorError,
  envelopeError,
  headerOf,
  httpStatusError,
  isConnectorError,
  parseBatchResponse,
  type Plan,
  send
} from '../../../../src/sdk';
import { readBatchEnvelope } from '../../envelope/batch-envelope';
import { absentAsNullParam, v2Operations } from '../../params';
import { serviceRequest, v2Model, v2Service, type V2Service } from '../v2-service';
import { planBatch, type PlannedItem } from './batch-plan';
import { reportBatch, reportRequestFailure, type BatchReport } from './batch-report';
import { writeBatchReport } from '../../output/batch-xml';

export const batchOperation = v2Operations.define({
  description:
    'Batch: <batchParts> with <batchChangeSet>/<batchChangeSetPart> (method, uri, headers, contentId, entity body) and <batchQueryPart> → $batch; every part reported with statusCode, request number, Content-ID, body or <Error>',
  envelope: 'required',
  roots: ['batchParts'],
  params: {
    batchMaxBytes: {
      type: 'integer',
      min: 1024,
      description:
        'Hard limit on each $batch request body: the batch is split, in order, into as many requests as needed (a changeset is never split; one larger than the limit is refused before anything is sent); default: one request'
    },
    ...absentAsNullParam
  },
  model: v2Model,
  read(envelope, params) {
    if (envelope === undefined) throw envelopeError('Batch needs a <batchParts> envelope');
    const maxBytes = params.batchMaxBytes;
    return {
      items: readBatchEnvelope(envelope),
      absentAsNull: params.absentAsNull,
      ...(maxBytes === undefined ? {} : { maxBytes })
    };
  },
  *plan(input, ctx) {
    const service = v2Service(ctx);
    const planned = planBatch(service, input.items, input.absentAsNull);
    const report: BatchReport = { parts: [], unrequested: [] };
    for (const [i, body] of buildBatchBodies(planned, toRequestItem, input.maxBytes, tooLarge).entries())
      yield* sendBatch(service, body, i + 1, report);
    return {
      status: report.parts.every(r => r.error === undefined) && report.unrequested.length === 0 ? 1 : -1,
      output: report
    };
  },
  write(report, w) {
    writeBatchReport(w, report);
  }
});

function toRequestItem(item: PlannedItem): BatchRequestItem {
  return item.kind === 'query'
    ? { kind: 'query', part: item.parts[0].request }
    : { kind: 'changeset', parts: item.parts.map(p => p.request) };
}

// A changeset is atomic and a query part indivisible: one that alone exceeds the limit is refused, nothing sent.
function tooLarge(item: PlannedItem, bytes: number, maxBytes: number): ConnectorError {
  const [what, advice] =
    item.kind === 'query'
      ? [`${item.path} (a query part)`, 'raise batchMaxBytes']
      : [
          `${item.path} (changeset ${item.changeSet}, ${item.parts.length} part${item.parts.length === 1 ? '' : 's'})`,
          'a changeset is atomic and is never split: raise batchMaxBytes or divide the changeset into smaller ones'
        ];
  return envelopeError(
    `${what} needs a $batch request body of ${bytes} bytes, more than batchMaxBytes=${maxBytes}; ${advice}. Nothing was sent.`,
    item.path
  );
}

// Never tunnelled: the parts' verbs travel inside the multipart body.
function* sendBatch(
  service: V2Service,
  batch: { readonly items: readonly PlannedItem[]; readonly body: string; readonly contentType: string },
  request: number,
  report: BatchReport
): Plan<void> {
  const { items } = batch;
  const headers = { 'content-type': batch.contentType, accept: 'multipart/mixed' };
  const httpRequest = serviceRequest(service, 'POST', '$batch', headers, batch.body);
  try {
    const response = yield* send(httpRequest);
    if (response.status !== 202 && response.status !== 200)
      return reportRequestFailure(report, items, request, httpStatusError(httpRequest, response), response);
    const responses = parseBatchResponse(response.body, headerOf(response, 'content-type'));
    reportBatch(service.model, service.root, items, responses, request, report);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    reportRequestFailure(report, items, request, error);
  }
}
