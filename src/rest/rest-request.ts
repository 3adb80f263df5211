import type { HttpMethod, HttpRequest } from '../transport/transport';
import { buildQueryString, expandPathTemplate, joinUrl } from './path-template';

/** The variable parts of one request an operation maps from its typed input (beyond what it declares as data). */
export interface RequestParts {
  /** Path values besides the parameters of the same name. */
  readonly pathParams?: Readonly<Record<string, string | undefined>>;
  /** Query parameters in order, after the declared ones; undefined values are left out. */
  readonly query?: ReadonlyArray<readonly [string, string | undefined]>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, sent as application/json. */
  readonly json?: unknown;
  /** Any other body. */
  readonly body?: { readonly contentType: string; readonly text: string };
}

/** What a request is built from: the declared method, path and query, and the operation's own parts. */
export interface RequestPlan {
  readonly method: HttpMethod;
  readonly baseUrl: string;
  /** Path template; each `{name}` takes the parameter of that name (or a path value of the parts). */
  readonly path: string;
  /** Query name → the parameter it carries, in the order the API documents; unset parameters are left out. */
  readonly query?: Readonly<Record<string, string>>;
  /** '&' unless the API documents another separator. */
  readonly querySeparator?: string;
}

type Scalar = string | number | boolean | undefined;

/**
 * Builds one request (pure): path values and declared query parameters from the typed parameters, then the
 * operation's own parts. JSON is what every management API answers, so it is asked for.
 */
export function buildRestRequest(
  plan: RequestPlan,
  params: Readonly<Record<string, Scalar>>,
  parts: RequestParts = {}
): HttpRequest {
  const text = (v: Scalar): string | undefined => (v === undefined ? undefined : String(v));
  const named = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, text(v)]));
  const path = expandPathTemplate(plan.path, { ...named, ...parts.pathParams });
  const declared = Object.entries(plan.query ?? {}).map(([name, param]) => [name, named[param]] as const);
  const query = buildQueryString([...declared, ...(parts.query ?? [])], plan.querySeparator);
  const body =
    parts.json !== undefined
      ? { contentType: 'application/json', text: JSON.stringify(parts.json) }
      : (parts.body ?? undefined);
  const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
  if (body !== undefined) headers['content-type'] = body.contentType;
  return {
    method: plan.method,
    url: joinUrl(plan.baseUrl, path, query),
    headers,
    ...(body === undefined ? {} : { body: body.text })
  };
}
