import type { XmlElement } from '../envelope/xml-element';
import { ConnectorError, envelopeError } from '../errors/connector-error';
import { setOwn } from '../json/own-property';
import { CREDENTIAL_KEY } from '../transport/credential-key';

/**
 * A scalar or structured field of a request, declared as data: the envelope element of the same name maps to it.
 * `secret: true` marks a field whose value must never be shown (a back-end password): the kit registers it
 * before it validates anything. Members an `extra: 'string'` object passes through are secret when their name
 * looks like a credential ({@link CREDENTIAL_KEY}).
 */
export type FieldShape =
  | {
      readonly type: 'string';
      readonly required?: boolean;
      readonly values?: readonly string[];
      readonly pattern?: RegExp;
      readonly rule?: string;
      readonly secret?: boolean;
    }
  | {
      readonly type: 'integer';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
    }
  | { readonly type: 'boolean'; readonly required?: boolean }
  | ObjectShape
  | { readonly type: 'array'; readonly required?: boolean; readonly items: FieldShape }
  /** An object the API expects serialised as a JSON *string* (DataWorks `*Details`, MRS `source_info`). */
  | { readonly type: 'jsonString'; readonly required?: boolean; readonly shape: ObjectShape };

/** An object: declared fields (emitted in declaration order), and what to do with undeclared ones. */
export interface ObjectShape {
  readonly type: 'object';
  readonly required?: boolean;
  readonly fields: Readonly<Record<string, FieldShape>>;
  /** 'string': undeclared child elements become string members; 'forbid' (default): they are an error. */
  readonly extra?: 'string' | 'forbid';
}

/** A JSON value as the kit builds it from an envelope. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The values of an envelope that must never be shown, found by its shape before anything is validated: texts
 * of `secret` fields and of credential-named extra members, in the element form and in JSON text form.
 */
export function secretsOf(element: XmlElement, shape: ObjectShape): string[] {
  return element.children.flatMap(child => {
    const field = shape.fields[child.name];
    if (field === undefined) return shape.extra === 'string' && CREDENTIAL_KEY.test(child.name) ? texts(child) : [];
    return fieldSecrets(child, field);
  });
}

function fieldSecrets(element: XmlElement, field: FieldShape): string[] {
  switch (field.type) {
    case 'string':
      return field.secret === true ? texts(element) : [];
    case 'object':
      return secretsOf(element, field);
    case 'array':
      return element.children.flatMap(item => fieldSecrets(item, field.items));
    case 'jsonString':
      return element.children.length > 0
        ? secretsOf(element, field.shape)
        : jsonSecrets(parseLoosely(element.text), secretNames(field));
    default:
      return [];
  }
}

/** A JSON text is searched by name alone (it is not validated yet): declared secret names and credential-like ones. */
function jsonSecrets(value: unknown, names: ReadonlySet<string>): string[] {
  if (Array.isArray(value)) return value.flatMap(item => jsonSecrets(item, names));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    (CREDENTIAL_KEY.test(k) || names.has(k)) && (typeof v === 'string' || typeof v === 'number')
      ? [String(v)]
      : jsonSecrets(v, names)
  );
}

/** The names of the secret fields a shape declares, at any depth (for JSON given as text). */
function secretNames(field: FieldShape): Set<string> {
  const names = new Set<string>();
  const walk = (f: FieldShape, name?: string): void => {
    if (f.type === 'string' && f.secret === true && name !== undefined) names.add(name);
    if (f.type === 'object') for (const [n, inner] of Object.entries(f.fields)) walk(inner, n);
    if (f.type === 'array') walk(f.items, name);
    if (f.type === 'jsonString') walk(f.shape, name);
  };
  walk(field);
  return names;
}

function texts(element: XmlElement): string[] {
  const text = (element.text ?? '').trim();
  return element.children.length === 0 && text !== '' ? [text] : element.children.flatMap(texts);
}

function parseLoosely(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Builds a JSON object from an envelope element by its shape. Child element names are the JSON keys;
 * values are validated (required, enum, bounds, pattern) before any request is sent.
 * Throws ENVELOPE_INVALID (structure) or VALUE_INVALID (a value breaks its rule), naming the element path.
 */
export function buildJsonFromXml(
  element: XmlElement,
  shape: ObjectShape,
  path: string = element.name
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const seen = new Set<string>();
  for (const child of element.children) {
    if (seen.has(child.name)) {
      // a list repeated per item would lose all but its first: its items go in one element
      const hint =
        shape.fields[child.name]?.type === 'array'
          ? `; put every item in one <${child.name}>, one child element per item`
          : '';
      throw envelopeError(
        `<${child.name}> appears more than once in <${element.name}>${hint}`,
        `${path}/${child.name}`
      );
    }
    seen.add(child.name);
    if (!Object.hasOwn(shape.fields, child.name) && shape.extra !== 'string') {
      throw envelopeError(
        `<${element.name}> has no field <${child.name}>; its fields: ${Object.keys(shape.fields).join(', ')}`,
        `${path}/${child.name}`
      );
    }
  }
  for (const [name, field] of Object.entries(shape.fields)) {
    const child = element.children.find(c => c.name === name);
    if (child === undefined) {
      if (field.required === true)
        throw envelopeError(`<${element.name}> needs the field <${name}>`, `${path}/${name}`);
      continue;
    }
    out[name] = fieldFromXml(child, field, `${path}/${name}`);
  }
  for (const child of element.children) {
    if (!Object.hasOwn(shape.fields, child.name)) setOwn(out, child.name, scalarText(child, `${path}/${child.name}`));
  }
  return out;
}

function fieldFromXml(element: XmlElement, field: FieldShape, path: string): Json {
  switch (field.type) {
    case 'object':
      return buildJsonFromXml(element, field, path);
    case 'array':
      return element.children.map((item, i) => {
        const itemPath = `${path}/${item.name}[${i + 1}]`;
        if (field.items.type === 'object' && item.children.length === 0 && (item.text ?? '').trim() !== '') {
          const example = Object.keys(field.items.fields)[0] ?? 'field';
          throw envelopeError(
            `<${element.name}> holds one element per item, each with the item's fields (e.g. <${element.name}><item><${example}>…</${example}></item></${element.name}>); <${item.name}> has no fields`,
            itemPath
          );
        }
        return fieldFromXml(item, field.items, itemPath);
      });
    case 'jsonString':
      return JSON.stringify(jsonStringValue(element, field.shape, path));
    default:
      return checkScalar(scalarText(element, path), field, path);
  }
}

/** A `jsonString` field given either as child elements, or as text holding the JSON object itself. */
function jsonStringValue(element: XmlElement, shape: ObjectShape, path: string): Record<string, Json> {
  if (element.children.length > 0) return buildJsonFromXml(element, shape, path);
  const text = (element.text ?? '').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConnectorError(
      'VALUE_INVALID',
      `<${element.name}> must hold child elements or a JSON object; its text is not JSON`,
      { target: path }
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConnectorError('VALUE_INVALID', `<${element.name}> must be a JSON object`, { target: path });
  }
  return checkJsonObject(parsed as Record<string, unknown>, shape, path);
}

/**
 * Checks a JSON object given as text against its shape as deeply as the structured-XML form is checked
 * (required keys, types, enums, bounds, nested objects and arrays), naming the path of a bad value.
 */
function checkJsonObject(value: Record<string, unknown>, shape: ObjectShape, path: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, field] of Object.entries(shape.fields)) {
    const v = value[name];
    if (v === undefined || v === null) {
      if (field.required === true)
        throw new ConnectorError('VALUE_INVALID', `The JSON in ${path} needs the key "${name}"`, {
          target: `${path}/${name}`
        });
      continue;
    }
    out[name] = checkJsonField(v, field, `${path}/${name}`);
  }
  for (const [name, v] of Object.entries(value)) {
    if (Object.hasOwn(shape.fields, name)) continue;
    if (shape.extra !== 'string')
      throw new ConnectorError(
        'VALUE_INVALID',
        `The JSON in ${path} has an unknown key "${name}"; its keys: ${Object.keys(shape.fields).join(', ')}`,
        { target: `${path}/${name}` }
      );
    if (typeof v === 'object' && v !== null)
      throw new ConnectorError('VALUE_INVALID', `The key "${name}" in ${path} must be a string`, {
        target: `${path}/${name}`
      });
    setOwn(out, name, String(v));
  }
  return out;
}

const JSON_TYPE_OF: Readonly<Record<string, string>> = { string: 'string', integer: 'number', boolean: 'boolean' };

function checkJsonField(v: unknown, field: FieldShape, path: string): Json {
  const wrong = (what: string): ConnectorError =>
    new ConnectorError('VALUE_INVALID', `${path} must be ${what}, got ${JSON.stringify(v)}`, { target: path });
  switch (field.type) {
    case 'object':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrong('a JSON object');
      return checkJsonObject(v as Record<string, unknown>, field, path);
    case 'array':
      if (!Array.isArray(v)) throw wrong('a JSON array');
      return v.map((item, i) => checkJsonField(item, field.items, `${path}[${i + 1}]`));
    case 'jsonString': {
      if (typeof v !== 'string') throw wrong('a string holding a JSON object');
      let parsed: unknown;
      try {
        parsed = JSON.parse(v);
      } catch {
        throw wrong('a string holding a JSON object');
      }
      return JSON.stringify(checkJsonField(parsed, field.shape, path));
    }
    default:
      // A JSON value has a type of its own: 2 is not "2", true is not "true".
      if (typeof v !== JSON_TYPE_OF[field.type])
        throw wrong(`a JSON ${field.type === 'integer' ? 'number' : field.type}`);
      return checkScalar(String(v), field, path);
  }
}

function scalarText(element: XmlElement, path: string): string {
  if (element.children.length > 0) throw envelopeError(`<${element.name}> must hold text, not elements`, path);
  return (element.text ?? '').trim();
}

/** Validates one scalar against its shape and returns its JSON value (numbers and booleans typed). */
function checkScalar(text: string, field: FieldShape, path: string): string | number | boolean {
  const invalid = (rule: string): ConnectorError =>
    new ConnectorError('VALUE_INVALID', `${path} must be ${rule}, got "${text}"`, { target: path });
  switch (field.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw invalid('an integer');
      const n = Number(text);
      const low = field.min === undefined ? '' : field.exclusiveMin === true ? `(${field.min}` : `[${field.min}`;
      const range = field.min !== undefined && field.max !== undefined ? `${low}, ${field.max}]` : undefined;
      const belowMin = field.min !== undefined && (field.exclusiveMin === true ? n <= field.min : n < field.min);
      if (belowMin || (field.max !== undefined && n > field.max))
        throw invalid(range === undefined ? `within its bounds` : `in ${range}`);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw invalid('true or false');
      return text === 'true';
    case 'string':
      if (field.required === true && text === '') throw invalid('a non-empty string');
      if (field.values !== undefined && !field.values.includes(text))
        throw invalid(`one of ${field.values.join(', ')}`);
      if (field.pattern !== undefined && !field.pattern.test(text))
        throw invalid(field.rule ?? `matching ${String(field.pattern)}`);
      return text;
    default:
      throw invalid('a scalar');
  }
}
