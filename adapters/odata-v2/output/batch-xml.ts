import { type XmlWriter, writeError } from '../../../src/sdk';
import { writeFunctionResult } from '../operations/function-import';
import type { BatchReport, PartReport, UnrequestedAnswer } from '../operations/batch/batch-report';

// The CPI shape; answers that match no requested part follow as <unrequestedResponse> with their raw body.
export function writeBatchReport(w: XmlWriter, { parts: reports, unrequested }: BatchReport): void {
  w.open('batchPartResponse');
  let openChangeSet: number | undefined;
  for (const report of reports) {
    const { part } = report;
    if (part.changeSet !== openChangeSet) {
      if (openChangeSet !== undefined) w.close();
      openChangeSet = part.changeSet;
      if (openChangeSet !== undefined)
        w.open('batchChangeSetResponse', [
          ['changeSet', String(openChangeSet)],
          ['request', String(report.request)]
        ]);
    }
    writePart(w, report, part.changeSet === undefined ? 'batchQueryPartResponse' : 'batchChangeSetPartResponse');
  }
  if (openChangeSet !== undefined) w.close();
  for (const extra of unrequested) writeUnrequested(w, extra);
  w.close();
}

function writeUnrequested(w: XmlWriter, { request, position, answer, error }: UnrequestedAnswer): void {
  w.open('unrequestedResponse', [
    ['request', String(request)],
    ['position', position],
    ['contentId', answer.contentId]
  ]);
  writeAnswer(w, answer.status, answer.statusText, answer.headers);
  if (answer.body.trim() !== '') w.leaf('rawBody', [], answer.body);
  writeError(w, error);
  w.close();
}

function writeAnswer(
  w: XmlWriter,
  status: number | undefined,
  statusText: string | undefined,
  headers: Readonly<Record<string, string>>
): void {
  if (status !== undefined) w.leaf('statusCode', [], String(status));
  if (statusText !== undefined && statusText !== '') w.leaf('statusInfo', [], statusText);
  const entries = Object.entries(headers);
  if (entries.length === 0) return;
  w.open('headers');
  for (const [name, value] of entries)
    w.open('header').leaf('headerName', [], name).leaf('headerValue', [], value).close();
  w.close();
}

function writePart(w: XmlWriter, report: PartReport, element: string): void {
  const { part } = report;
  w.open(element, [
    ['part', String(part.index)],
    ['request', String(report.request)],
    ['contentId', part.request.contentId],
    ['method', part.request.method],
    ['uri', part.request.url]
  ]);
  writeAnswer(w, report.status, report.statusText, report.headers);
  if (report.error !== undefined) writeError(w, report.error);
  else if (report.result !== undefined) {
    w.open('body');
    const result = report.result;
    if (result.kind === 'count') w.leaf(result.entitySet, [['count', result.count]]);
    else writeFunctionResult(w, result);
    w.close();
  }
  w.close();
}
