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
  return encodeURIComponent(value).replace(/%(2C|2F|3A|40|24)/g, m => decodeURIComponent(m));
}

/** The query string (no `?`) in the seed's fixed order, $skip before $top; `only` limits it (the /$count fallback). */
export function buildQueryOptions(options: SystemQueryOptions, only?: readonly string[]): string {
  const values = { ...options, count: options.count ? 'true' : undefined };
  return (['filter', 'search', 'orderby', 'select', 'expand', 'skip', 'top', 'count'] as const)
    .filter(name => values[name] !== undefined && (only === undefined || only.includes(name)))
    .map(name => `$${name}=${encodeQueryValue(String(values[name]))}`)
    .join('&');
}
