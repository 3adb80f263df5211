import type { EdmModel, EdmStructuredType } from '../../../src/sdk';
import { decodeAtomPage } from './atom-records';
import type { RecordPage } from '../output/entity-record';
import { decodeJsonPage } from './json-records';

/**
 * Whether a body is Atom/XML: the body's own shape decides, since a `$format` in the query, or a server that
 * ignores Accept, may answer in the other format than the one asked for.
 */
export function isAtomBody(body: string, format: 'json' | 'atom'): boolean {
  const start = body.trimStart()[0];
  return start === '<' || (start !== '{' && format === 'atom');
}

/** Decodes the entities of a body in the format it is in. */
export function decodeRecords(
  model: EdmModel,
  body: string,
  type: EdmStructuredType | undefined,
  format: 'json' | 'atom'
): RecordPage {
  return isAtomBody(body, format) ? decodeAtomPage(model, body, type) : decodeJsonPage(model, body, type);
}
