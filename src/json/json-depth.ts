/** How deep objects and arrays may nest in a body a service sends: real payloads need a few levels. */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether a parsed JSON value nests objects and arrays deeper than {@link MAX_JSON_DEPTH}. Iterative, as the
 * recursive walks that follow (masking, writing XML) would overflow the stack on a hostile body.
 */
export function isNestedTooDeep(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return true;
    for (const member of Object.values(v as object)) stack.push([member, depth + 1]);
  }
  return false;
}
