import { ConnectorError } from '../errors/connector-error';

/** Declares one parameter of a connector or operation. The same declaration drives validation, defaults, redaction and docs. */
export interface ParamSpec {
  readonly type: 'string' | 'integer' | 'boolean' | 'url' | 'enum';
  readonly description: string;
  readonly required?: boolean;
  readonly default?: string;
  /** Allowed values for 'enum'. */
  readonly values?: readonly string[];
  /** Secrets never appear in output, logs or errors. */
  readonly secret?: boolean;
  /** Inclusive bounds for 'integer'. */
  readonly min?: number;
  readonly max?: number;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** Validated parameters: every declared one with a value or default is present, typed. */
export type ParamValue = string | number | boolean;
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

/**
 * Validates given parameters against their specs and applies defaults.
 * @param specs - The declared parameters.
 * @param given - What the caller passed (strings as an ESB hands them over, or typed values).
 * @returns The resolved parameters.
 * Throws PARAMETER_MISSING or PARAMETER_INVALID naming the parameter, what was expected and what arrived.
 */
export function resolveParams(specs: ParamSpecs, given: Readonly<Record<string, unknown>>): ResolvedParams {
  const names = Object.keys(specs);
  for (const name of Object.keys(given)) {
    if (!(name in specs)) {
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `Unknown parameter "${name}"; valid parameters: ${names.join(', ')}`,
        { target: name }
      );
    }
  }
  const resolved: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = given[name];
    const value = raw === undefined || raw === null || raw === '' ? spec.default : raw;
    if (value === undefined) {
      if (spec.required === true) {
        throw new ConnectorError('PARAMETER_MISSING', `Missing required parameter "${name}" (${spec.description})`, {
          target: name
        });
      }
      continue;
    }
    resolved[name] = coerce(name, spec, value);
  }
  return resolved;
}

function coerce(name: string, spec: ParamSpec, value: unknown): ParamValue {
  const shown = spec.secret === true ? '***' : JSON.stringify(value);
  const invalid = (expected: string): ConnectorError =>
    new ConnectorError('PARAMETER_INVALID', `Parameter "${name}" must be ${expected}, got ${shown}`, { target: name });
  switch (spec.type) {
    case 'integer': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^-?\d+$/.test(value.trim())
            ? Number(value)
            : NaN;
      if (!Number.isSafeInteger(n)) throw invalid('an integer');
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw invalid(`an integer from ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}`);
      }
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalid('true or false');
    case 'url': {
      if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) throw invalid('an http(s) URL');
      try {
        new URL(value);
      } catch {
        throw invalid('an http(s) URL');
      }
      return value;
    }
    case 'enum':
      if (typeof value !== 'string' || !(spec.values ?? []).includes(value))
        throw invalid(`one of ${(spec.values ?? []).join(', ')}`);
      return value;
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') throw invalid('a string');
      return String(value);
  }
}

/** Returns the values of secret parameters, for redaction. */
export function secretValues(specs: ParamSpecs, params: ResolvedParams): string[] {
  const secrets = Object.entries(specs)
    .filter(([name, spec]) => spec.secret === true && typeof params[name] === 'string')
    .map(([name]) => String(params[name]));
  // A password written into a URL (http://user:pw@host/) travels in every message that quotes the URL.
  for (const [name, spec] of Object.entries(specs)) {
    const password =
      spec.type === 'url' && typeof params[name] === 'string'
        ? /^\w+:\/\/[^/@?#:]*:([^/@?#]*)@/.exec(params[name])?.[1]
        : undefined;
    if (password === undefined || password === '') continue;
    secrets.push(password);
    const decoded = safeDecode(password);
    if (decoded !== password) secrets.push(decoded);
  }
  return secrets;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
