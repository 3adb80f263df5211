import { ConnectorError } from '../errors/connector-error';
import type { ODataDialect } from './dialect';
import { normalizeEdmType, validateEdmValue, type EdmPrimitiveType } from './edm';
import { findProperty, keysOf, type EdmModel, type EdmStructuredType } from './metadata';
import { encodePathLiteral } from './uri-literal';

/** A key property and its value, in key order. */
export interface KeyValue {
  readonly name: string;
  readonly type: EdmPrimitiveType;
  readonly value: string;
}

/** A key predicate in the dialect's literals, encoded for a path: `(1)`, `('a''b')`, `(A=1,B='x')`. */
export function formatKeyPredicate(keys: readonly KeyValue[], dialect: ODataDialect): string {
  if (keys.length === 0) throw new ConnectorError('VALUE_INVALID', 'A key predicate needs at least one key value');
  const literal = (k: KeyValue): string => encodePathLiteral(dialect.uriLiteral(k.type, k.value));
  const [single] = keys;
  if (keys.length === 1 && single !== undefined) return `(${literal(single)})`;
  return `(${keys.map(k => `${k.name}=${literal(k)}`).join(',')})`;
}

/** One part of an entity id as the caller wrote it: `1`, `'a''b'`, or `Name='x'` in a composite key. */
export interface KeyPart {
  readonly name?: string;
  readonly value: string;
}

const NAMED_PART = /^\s*([A-Za-z_]\w*)\s*=\s*(.*)$/s;

/**
 * Splits an `entityId` (`1`, `(1)`, `'O''Neil'`, `ID=1,Name='x'`) into unquoted parts, respecting quotes; with
 * `keyCount` 1 an unnamed id is one value, commas included (`Smith, John`).
 */
export function parseEntityId(entityId: string, keyCount?: number): KeyPart[] {
  const text = entityId.trim().replace(/^\((.*)\)$/s, '$1');
  const parts = [''];
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  const [, name, value] = NAMED_PART.exec(text) ?? [];
  // A single `Name=value` is only a named key if the value is itself a literal; otherwise it is a string key.
  if (parts.length === 1 && name !== undefined && value !== undefined && isLiteral(value))
    return [{ name, value: unquote(value) }];
  if (parts.length === 1 || (keyCount === 1 && !parts.every(p => NAMED_PART.test(p))))
    return [{ value: unquote(text) }];
  return parts.map(p => {
    const [, name, value] = NAMED_PART.exec(p) ?? [];
    if (name !== undefined && value !== undefined) return { name, value: unquote(value) };
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `entityId "${entityId}": a composite key needs Name=value pairs, got "${p.trim()}"`,
      { target: 'entityId' }
    );
  });
}

function isLiteral(text: string): boolean {
  return /^\s*('.*'|-?[\d.]+|true|false|[0-9a-f-]{36})\s*$/is.test(text);
}

function unquote(text: string): string {
  const t = text.trim();
  return /^'.*'$/s.test(t) ? t.slice(1, -1).replace(/''/g, "'") : t;
}

/** The key predicate of key parts typed by the type's keys: MODEL_MISMATCH for a non-key, VALUE_INVALID for a value. */
export function buildKeyPredicate(
  model: EdmModel,
  type: EdmStructuredType,
  parts: readonly KeyPart[],
  target: string,
  dialect: ODataDialect
): string {
  const keyNames = keysOf(model, type);
  const fail = (code: 'MODEL_MISMATCH' | 'VALUE_INVALID', message: string): never => {
    throw new ConnectorError(code, message, { target });
  };
  if (keyNames.length === 0) fail('MODEL_MISMATCH', `${type.qualifiedName} declares no key`);
  const keys = keyNames.join(', ');
  const only = parts.length === 1 && parts[0]?.name === undefined ? parts[0] : undefined;
  if (only !== undefined && keyNames.length > 1)
    fail('VALUE_INVALID', `${target}: ${type.qualifiedName} has the composite key ${keys}; give Name=value for each`);
  // A lone unnamed value is the one key's.
  const named = only === undefined ? parts : [{ name: keyNames[0], value: only.value }];
  const stray = named.find(p => p.name === undefined || !keyNames.includes(p.name));
  if (stray !== undefined)
    fail(
      'MODEL_MISMATCH',
      `${target}: "${stray.name ?? stray.value}" is not a key property of ${type.qualifiedName} (keys: ${keys})`
    );
  const values = keyNames.map((name): KeyValue => {
    const value =
      named.find(p => p.name === name)?.value ??
      fail('VALUE_INVALID', `${target}: the key property ${name} of ${type.qualifiedName} has no value`);
    const edm =
      normalizeEdmType(findProperty(model, type, name)?.type ?? '') ??
      fail('MODEL_MISMATCH', `Key property ${name} of ${type.qualifiedName} has no primitive type`);
    validateEdmValue(edm, value, `${target} (key ${name})`);
    return { name, type: edm, value };
  });
  return formatKeyPredicate(values, dialect);
}
