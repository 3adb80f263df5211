import { ConnectorError } from '../errors/connector-error';
import type { ODataDialect } from './dialect';
import { normalizeEdmType, validateEdmValue, type EdmPrimitiveType } from './edm';
import { type EdmModel, type EdmStructuredType } from './metadata';
import { findProperty, keysOf } from './metadata-lookup';
import { encodePathLiteral } from './uri-literal';

/** A key property and its value, in key order. */
export interface KeyValue {
  readonly name: string;
  readonly type: EdmPrimitiveType;
  readonly value: string;
}

/**
 * Builds a key predicate in the dialect's literals: `(1)`, `('a''b')`, or `(A=1,B='x')` for composite keys;
 * percent-encoded for a path segment.
 */
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

/**
 * Splits an `entityId` parameter into parts: `1`, `(1)`, `'O''Neil'`, `abc`, `ID=1,Name='x'`.
 * Commas and equals signs inside quotes belong to the value. Quotes are removed and `''` unescaped.
 * `keyCount` (the type's number of key properties): when 1, an unnamed id is not split on commas.
 */
export function parseEntityId(entityId: string, keyCount?: number): KeyPart[] {
  let text = entityId.trim();
  if (/^\(.*\)$/s.test(text)) text = text.slice(1, -1);
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  // With a single key an unnamed id is one value, commas included (`Smith, John`).
  const unnamed = !parts.every(p => /^\s*[A-Za-z_]\w*\s*=/.test(p));
  if (parts.length > 1 && keyCount === 1 && unnamed) return [{ value: unquote(text) }];
  if (parts.length === 1) {
    const named = /^\s*([A-Za-z_]\w*)\s*=\s*(.*)$/s.exec(text);
    // A single `Name=value` is only a named key if the value is itself a literal; otherwise it is a string key.
    if (named?.[1] !== undefined && named[2] !== undefined && isLiteral(named[2]))
      return [{ name: named[1], value: unquote(named[2]) }];
    return [{ value: unquote(text) }];
  }
  return parts.map(p => {
    const named = /^\s*([A-Za-z_]\w*)\s*=\s*(.*)$/s.exec(p);
    if (named?.[1] === undefined || named[2] === undefined) {
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `entityId "${entityId}": a composite key needs Name=value pairs, got "${p.trim()}"`,
        { target: 'entityId' }
      );
    }
    return { name: named[1], value: unquote(named[2]) };
  });
}

function isLiteral(text: string): boolean {
  return /^\s*('.*'|-?[\d.]+|true|false|[0-9a-f-]{36})\s*$/is.test(text);
}

function unquote(text: string): string {
  const t = text.trim();
  return /^'.*'$/s.test(t) ? t.slice(1, -1).replace(/''/g, "'") : t;
}

/**
 * Builds the key predicate `(1)`, `('a''b')` or `(A=1,B='x')` from key parts, typed by the entity type's key
 * properties. Throws MODEL_MISMATCH for a part that is not a key and VALUE_INVALID for a value that does
 * not fit its key type; `target` says where the key came from.
 */
export function buildKeyPredicate(
  model: EdmModel,
  type: EdmStructuredType,
  parts: readonly KeyPart[],
  target: string,
  dialect: ODataDialect
): string {
  const keyNames = keysOf(model, type);
  if (keyNames.length === 0)
    throw new ConnectorError('MODEL_MISMATCH', `${type.qualifiedName} declares no key`, { target });
  const typed = (name: string, value: string): KeyValue => {
    const edm = normalizeEdmType(findProperty(model, type, name)?.type ?? '');
    if (edm === undefined)
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `Key property ${name} of ${type.qualifiedName} has no primitive type`,
        { target }
      );
    validateEdmValue(edm, value, `${target} (key ${name})`);
    return { name, type: edm, value };
  };
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only.name === undefined) {
    if (keyNames.length > 1) {
      throw new ConnectorError(
        'VALUE_INVALID',
        `${target}: ${type.qualifiedName} has the composite key ${keyNames.join(', ')}; give Name=value for each`,
        { target }
      );
    }
    return formatKeyPredicate([typed(keyNames[0] ?? '', only.value)], dialect);
  }
  for (const p of parts) {
    if (p.name === undefined || !keyNames.includes(p.name)) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${target}: "${p.name ?? p.value}" is not a key property of ${type.qualifiedName} (keys: ${keyNames.join(', ')})`,
        { target }
      );
    }
  }
  const values = keyNames.map(name => {
    const part = parts.find(p => p.name === name);
    if (part === undefined)
      throw new ConnectorError(
        'VALUE_INVALID',
        `${target}: the key property ${name} of ${type.qualifiedName} has no value`,
        { target }
      );
    return typed(name, part.value);
  });
  // A single key is written without its name, as every service accepts.
  return formatKeyPredicate(values, dialect);
}
