/** OData system query options, as a read asks for them. */
export interface SystemQueryOptions {
  readonly filter?: string;
  readonly search?: string;
  readonly orderby?: string;
  readonly select?: string;
  readonly expand?: string;
  readonly skip?: number;
  readonly top?: number;
  /** `$count`: the total of all matching entities (filter/search), independent of top/skip/expand. */
  readonly count: boolean;
}

/** Percent-encodes a query option value; keeps `, / : @ $ ' ( ) *` readable, as OData URLs show them. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/')
    .replace(/%3A/gi, ':')
    .replace(/%40/gi, '@')
    .replace(/%24/gi, '$');
}

/**
 * Builds the query string (without `?`) in a fixed order: $filter $search $orderby $select $expand
 * $skip $top $count ($skip before $top, as the seed asks). `only` limits it to some options (the /$count fallback).
 */
export function buildQueryOptions(options: SystemQueryOptions, only?: readonly string[]): string {
  const pairs: string[] = [];
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined && (only === undefined || only.includes(name)))
      pairs.push(`$${name}=${encodeQueryValue(String(value))}`);
  };
  add('filter', options.filter);
  add('search', options.search);
  add('orderby', options.orderby);
  add('select', options.select);
  add('expand', options.expand);
  add('skip', options.skip);
  add('top', options.top);
  if (options.count) add('count', 'true');
  return pairs.join('&');
}
