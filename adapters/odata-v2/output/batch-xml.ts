import { writeError, type XmlWriter } from '../../../src/sdk';
import { writeEntitySet } from './entity-set-xml';
import { writeFunctionResult } from './function-result-xml';
import type { BatchReport, PartReport, UnrequestedAnswer } from '../operations/batch/batch-report';

/**
 * Writes the batch result in the CPI shape, one element per part in envelope order:
 * `<batchPartResponse>` with `<batchChangeSetResponse changeSet request>` / `<batchChangeSetPartResponse>` and
 * `<batchQueryPartResponse>`, each with its part number, Content-ID, `<statusCode>`, `<statusInfo>`,
 * `<headers>` and the decoded `<body>` — or an `<Error>` when it failed. Answers that match no requested part
 * follow as `<unrequestedResponse>` with their status, headers and raw body.
 */
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
  w.leaf('statusCode', [], String(answer.status));
  if (answer.statusText !== '') w.leaf('statusInfo', [], answer.statusText);
  writeHeaders(w, answer.headers);
  if (answer.body.trim() !== '') w.leaf('rawBody', [], answer.body);
  writeError(w, error);
  w.close();
}

function writeHeaders(w: XmlWriter, headers: Readonly<Record<string, string>>): void {
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
  if (report.status !== undefined) w.leaf('statusCode', [], String(report.status));
  if (report.statusText !== undefined && report.statusText !== '') w.leaf('statusInfo', [], report.statusText);
  writeHeaders(w, report.headers);
  if (report.error !== undefined) writeError(w, report.error);
  else if (report.result !== undefined) {
    w.open('body');
    const result = report.result;
    if (result.kind === 'entities') writeEntitySet(w, result.entitySet, result.records);
    else if (result.kind === 'function') writeFunctionResult(w, result.result);
    else w.leaf(result.entitySet, [['count', result.count]]);
    w.close();
  }
  w.close();
}
