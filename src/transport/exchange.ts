import type { HttpMethod } from './transport';

/** A JSON value as stored in fixture files. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One recorded request/response pair as stored in `fixtures/**\/exchanges.json`. */
export interface RecordedExchange {
  readonly request: {
    readonly method: HttpMethod;
    readonly url: string;
    /** Only headers that matter for matching; '***' means "present, value redacted". */
    readonly headers?: Readonly<Record<string, string>>;
    /** JSON bodies are stored as JSON, everything else as text. Absent: not compared. */
    readonly body?: Json;
  };
  readonly response: {
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    /** JSON bodies as JSON, text as text. */
    readonly body?: Json;
    /** Binary bodies (media) as base64. */
    readonly bodyBase64?: string;
  };
}

/** Headers worth keeping in a recording: they change what a connector does or what a server checks. */
export const MEANINGFUL_HEADERS = [
  'content-type',
  'accept',
  'if-match',
  'if-none-match',
  'etag',
  'location',
  'x-csrf-token',
  'x-http-method',
  'odata-version',
  'dataserviceversion',
  'maxdataserviceversion',
  'prefer',
  'preference-applied',
  'slug',
  'odata-entityid',
  'content-id',
  'www-authenticate',
  'authorization',
  'x-auth-token',
  'retry-after'
] as const;

/** Returns whether a content type is JSON. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]json\b/i.test(contentType);
}
