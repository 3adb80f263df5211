import { ConnectorError } from '../errors/connector-error';

/** Declares one parameter of a connector or operation. The same declaration drives validation, defaults, redaction and docs. */
export interface ParamSpec {
  readonly type: 'string' | 'integer' | 'boolean' | 'url' | 'enum';
  readonly description: string;
  readonly required?: boolean;
  readonly default?: string;
  /** Allowed values for 'enum'. */
  readonly values?: readonly string[];
  /**
   * The one way to mark a secret parameter: its value never appears in output, logs, errors or recordings,
   * and it is part of the credential that keys the runtime's caches.
   */
  readonly secret?: boolean;
  /** Says who is calling without being secret (a user name, an access key id): it keys caches with the secrets. */
  readonly identity?: boolean;
  /** Inclusive bounds for 'integer'. */
  readonly min?: number;
  readonly max?: number;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** Validated parameters: every declared one with a value or default is present, typed. */
export type ParamValue = string | number | boolean;
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

/** The value type a spec resolves to: integer → number, boolean → boolean, enum → its values, else string. */
export type ParamValueOf<S extends ParamSpec> = S extends { readonly type: 'integer' }
  ? number
  : S extends { readonly type: 'boolean' }
    ? boolean
    : S extends { readonly type: 'enum'; readonly values: readonly (infer V extends string)[] }
      ? V
      : string;

type AlwaysPresent<S extends ParamSpec> = S extends { readonly required: true }
  ? true
  : S extends { readonly default: string }
    ? true
    : false;

/**
 * The resolved parameters of a set of specs, typed: `params.serviceUrl` is a string, a misspelt name does not
 * compile. Declare specs `as const satisfies ParamSpecs` so their types and values are kept.
 */
export type ParamsOf<S extends ParamSpecs> = {
  readonly [K in keyof S & string]: AlwaysPresent<S[K]> extends true
    ? ParamValueOf<S[K]>
    : ParamValueOf<S[K]> | undefined;
};

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
    if (!Object.hasOwn(specs, name)) {
      throw new ConnectorError(
        'PARAMETER_INVALID',
        `Unknown parameter "${name}"; valid parameters: ${names.join(', ')}`,
        { target: name }
      );
    }
  }
  const resolved: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const given_ = given[name];
    // Outer blanks of a plain string are never meant (a pasted path or key); a secret is taken as given.
    const raw = spec.type === 'string' && spec.secret !== true && typeof given_ === 'string' ? given_.trim() : given_;
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

const LONE_SURROGATE = /\p{Surrogate}/u;

function coerce(name: string, spec: ParamSpec, value: unknown): ParamValue {
  const shown = spec.secret === true ? '***' : JSON.stringify(value);
  const invalid = (expected: string): ConnectorError =>
    new ConnectorError('PARAMETER_INVALID', `Parameter "${name}" must be ${expected}, got ${shown}`, { target: name });
  // a lone UTF-16 surrogate is no character: it cannot be percent-encoded or sent as UTF-8
  const lone = typeof value === 'string' ? LONE_SURROGATE.exec(value) : null;
  if (lone !== null) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw invalid(`Unicode text; it holds a lone surrogate U+${code} at offset ${lone.index}`);
  }
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
