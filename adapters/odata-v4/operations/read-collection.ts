import {
  ConnectorError,
  emit,
  isLosslessObject,
  readJsonCollection,
  sendChecked,
  v4Dialect,
  writeX4Node,
  x4Value,
  type LosslessJson,
  type LosslessObject,
  type Plan,
  type X4Node,
  type XmlWriter
} from '../../../src/sdk';
import { untyped } from './entity-body';

/**
 * Follows server paging and writes each page as it comes (memory holds one page), the annotations with the first:
 * `top` items, `limit` pages at most; `countUrl` is asked when `$count` was and the service left `@odata.count` out.
 */
export function* readCollection(
  root: string,
  url: string,
  decodeItem: (item: LosslessJson) => X4Node,
  how: { top?: number | undefined; limit?: number | undefined; countUrl?: string | undefined } = {}
): Plan<StreamedCollection> {
  let opened = false;
  const nextLink = yield* readJsonCollection(
    v4Dialect,
    root,
    url,
    function* (items, first) {
      if (!opened) {
        const annotations = Object.entries(first).map(([k, v]) =>
          untyped(v, k, k === '@odata.count' ? 'Number' : 'String')
        );
        if (how.countUrl !== undefined && !('@odata.count' in first))
          annotations.splice(annotations.length === 0 ? 0 : 1, 0, yield* countOf(how.countUrl));
        yield* emit(w => {
          w.open('Object');
          for (const a of annotations) writeX4Node(w, a);
          w.open('Array', [['name', 'value']]);
        });
        opened = true;
      }
      const nodes = items.map(decodeItem);
      yield* emit(w => nodes.forEach(node => writeX4Node(w, node)), nodes.length);
    },
    how.top,
    how.limit
  );
  return { kind: 'streamed', nextLink };
}

/** A collection already written page by page; the write closes it, with the `@odata.nextLink` of a one-page read. */
interface StreamedCollection {
  readonly kind: 'streamed';
  readonly nextLink?: string | undefined;
}

export type ReadOutput = X4Node | StreamedCollection;

export function writeReadOutput(output: ReadOutput, w: XmlWriter): void {
  if (output.kind !== 'streamed') return writeX4Node(w, output);
  w.close();
  // a next link follows the items, as in the JSON
  if (output.nextLink !== undefined) writeX4Node(w, x4Value('@odata.nextLink', 'String', output.nextLink));
  w.close();
}

/** The service document as an `<Object>` per entry: `name`, `url`, and `kind` unless EntitySet (as the seed prints it). */
export function serviceDocumentToX4(json: LosslessObject): X4Node {
  const context = json['@odata.context'];
  const value = Array.isArray(json['value']) ? json['value'] : [];
  // members that are not strings, and entries that are not objects, are left out rather than guessed at
  const items: X4Node[] = value.filter(isLosslessObject).map(entry => {
    const members: X4Node[] = [];
    for (const key of ['name', 'url', 'kind'] as const) {
      const v = entry[key];
      if (typeof v === 'string' && !(key === 'kind' && v === 'EntitySet')) members.push(x4Value(key, 'String', v));
    }
    return { kind: 'object', members };
  });
  const annotations = typeof context === 'string' ? [x4Value('@odata.context', 'String', context)] : [];
  return { kind: 'object', members: [...annotations, { kind: 'array', name: 'value', items }] };
}

/** `collection/$count`, asked when `$count` was and the service left `@odata.count` out. */
function* countOf(url: string): Plan<X4Node> {
  const response = yield* sendChecked({ method: 'GET', url, headers: { accept: 'text/plain' } });
  const total = response.body.trim();
  if (!/^\d+$/.test(total))
    throw new ConnectorError('RESPONSE_INVALID', `GET ${url} answered "${total.slice(0, 60)}", not a count`, { url });
  return x4Value('@odata.count', 'Number', total);
}
