import { ConnectorError } from '../errors/connector-error';

/**
 * Expands a path template such as `/v2/{project_id}/data-connectors/{connector_id}`: each `{name}` is
 * replaced by its value, percent-encoded as one path segment (so a value can never add a segment).
 * Throws PARAMETER_MISSING naming the placeholder when a value is missing or blank.
 */
export function expandPathTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      throw new ConnectorError('PARAMETER_MISSING', `The path ${template} needs a value for {${name}}`, {
        target: name
      });
    }
    return encodeURIComponent(value);
  });
}

/**
 * Builds a query string (without '?') from name/value pairs in the given order, skipping undefined values.
 * `separator` is '&' unless an API documents otherwise (HDP's list filters are documented with ';').
 */
export function buildQueryString(pairs: ReadonlyArray<readonly [string, string | undefined]>, separator = '&'): string {
  return pairs
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join(separator);
}

/** Joins a base URL (with or without a trailing slash) and an absolute path, plus an optional query string. */
export function joinUrl(baseUrl: string, path: string, query = ''): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${path}${query === '' ? '' : `?${query}`}`;
}
