import { createHash } from 'node:crypto';
import {
  type BatchRequestItem,
  buildBatchBody,
  ConnectorError,
  headerOf,
  httpStatusError,
  isConnectorError,
  parseBatchResponse,
  type Plan,
  send
} from '../../../../src/sdk';
import { readBatchEnvelope, type BatchItemInput } from '../../envelope/batch-envelope';
import { absentAsNullParam, v2Operations } from '../../params';
import { v2Model, v2Service, type V2Service } from '../v2-service';
import { planBatch, type PlannedItem } from './batch-plan';
import { reportBatch, reportRequestFailure, type BatchReport } from './batch-report';
import { writeBatchReport } from '../../output/batch-xml';

interface BatchInput {
  readonly items: readonly BatchItemInput[];
  readonly maxBytes?: number;
  readonly absentAsNull: boolean;
}

/**
 * Batch: the CPI `<batchParts>` envelope as `multipart/mixed` `$batch` requests (changesets, query parts,
 * Content-ID references), each part's answer mapped back; split into several requests below batchMaxBytes.
 */
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
  read(envelope, params): BatchInput {
    if (envelope === undefined) throw new ConnectorError('ENVELOPE_INVALID', 'Batch needs a <batchParts> envelope');
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
    const groups = splitBatch(planned, input.maxBytes);
    for (const [i, group] of groups.entries()) {
      const sent = yield* sendBatch(service, group, i + 1);
      report.parts.push(...sent.parts);
      report.unrequested.push(...sent.unrequested);
    }
    return {
      status: report.parts.every(r => r.error === undefined) && report.unrequested.length === 0 ? 1 : -1,
      output: report
    };
  },
  write(report, w) {
    writeBatchReport(w, report);
  }
});

/**
 * Boundaries derived from the content (a hash of the parts plus a counter): they cannot occur in the
 * parts, and the same batch always gets the same body, so recordings replay byte for byte. Every
 * boundary has the same length, so a request body's size is the sum of its items' sizes (see splitBatch).
 */
function boundariesFor(items: readonly BatchRequestItem[]): (kind: 'batch' | 'changeset') => string {
  const hash = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 24);
  let n = 0;
  return kind => `${kind}_${hash}_${String(++n).padStart(6, '0')}`;
}

function toRequestItem(item: PlannedItem): BatchRequestItem {
  return item.kind === 'query'
    ? { kind: 'query', part: item.part.request }
    : { kind: 'changeset', parts: item.parts.map(p => p.request) };
}

/** Bytes of the `$batch` request body holding just these items. */
function bodyBytes(items: readonly BatchRequestItem[]): number {
  return Buffer.byteLength(buildBatchBody(items, boundariesFor(items)).body, 'utf8');
}

/**
 * Groups items, in order, so that each `$batch` request body is at most maxBytes (a hard limit). A changeset
 * is atomic and a query part indivisible: one that alone needs more is refused (ENVELOPE_INVALID naming it
 * and its size) before anything is sent.
 */
export function splitBatch(items: readonly PlannedItem[], maxBytes: number | undefined): PlannedItem[][] {
  if (maxBytes === undefined) return [items.slice()];
  // body(items) = closing delimiter + Σ (body([item]) − closing delimiter), as every boundary has the same length
  const closing = bodyBytes([]);
  const groups: PlannedItem[][] = [];
  let current: PlannedItem[] = [];
  let size = closing;
  for (const item of items) {
    const itemSize = bodyBytes([toRequestItem(item)]) - closing;
    if (closing + itemSize > maxBytes) throw tooLarge(item, closing + itemSize, maxBytes);
    if (current.length > 0 && size + itemSize > maxBytes) {
      groups.push(current);
      current = [];
      size = closing;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function tooLarge(item: PlannedItem, bytes: number, maxBytes: number): ConnectorError {
  const what =
    item.kind === 'query'
      ? `${item.part.input.path} (a query part)`
      : `${item.path} (changeset ${item.changeSet}, ${item.parts.length} part${item.parts.length === 1 ? '' : 's'})`;
  const advice =
    item.kind === 'query'
      ? 'raise batchMaxBytes'
      : 'a changeset is atomic and is never split: raise batchMaxBytes or divide the changeset into smaller ones';
  return new ConnectorError(
    'ENVELOPE_INVALID',
    `${what} needs a $batch request body of ${bytes} bytes, more than batchMaxBytes=${maxBytes}; ${advice}. Nothing was sent.`,
    { target: item.kind === 'query' ? item.part.input.path : item.path }
  );
}

// Never tunnelled: the parts' verbs travel inside the multipart body.
function* sendBatch(service: V2Service, items: readonly PlannedItem[], request: number): Plan<BatchReport> {
  const { model, root } = service;
  const requestItems = items.map(toRequestItem);
  const { body, contentType } = buildBatchBody(requestItems, boundariesFor(requestItems));
  const httpRequest = {
    method: 'POST' as const,
    url: `${root}$batch`,
    headers: {
      'content-type': contentType,
      accept: 'multipart/mixed',
      dataserviceversion: '2.0',
      maxdataserviceversion: '2.0'
    },
    body
  };
  try {
    const response = yield* send(httpRequest);
    if (response.status !== 202 && response.status !== 200)
      return {
        parts: reportRequestFailure(items, request, httpStatusError(httpRequest, response), response),
        unrequested: []
      };
    return reportBatch(
      model,
      root,
      items,
      parseBatchResponse(response.body, headerOf(response, 'content-type')),
      request
    );
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { parts: reportRequestFailure(items, request, error), unrequested: [] };
  }
}
