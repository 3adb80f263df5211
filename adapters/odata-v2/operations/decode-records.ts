import type { EdmModel, EdmStructuredType } from '../../../src/sdk';
import { decodeAtomPage } from './atom-records';
import type { RecordPage } from '../output/entity-record';
import { decodeJsonPage } from './json-records';

/**
 * Decodes entities as what came back: a `$format` in the query, or a server that ignores Accept, may answer
 * the other format than the one asked for.
 */
export function decodeRecords(
  model: EdmModel,
  body: string,
  type: EdmStructuredType | undefined,
  format: 'json' | 'atom'
): RecordPage {
  const start = body.trimStart()[0];
  const atom = start === '<' || (start !== '{' && format === 'atom');
  return atom ? decodeAtomPage(model, body, type) : decodeJsonPage(model, body, type);
}
