import { isJsonContentType, MEANINGFUL_HEADERS, type Json, type RecordedExchange } from './exchange';
import { redactHeaders, redactSecrets } from './redact';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Options of a recording. */
export interface RecordingOptions {
  /** Replace these URL prefixes everywhere (URLs and bodies), e.g. the live server's random port → a stable host. */
  readonly rewrite?: ReadonlyArray<readonly [from: string, to: string]>;
  /** Values to blank out wherever they appear. */
  readonly secrets?: readonly string[];
}

/** A transport that passes requests through and keeps a readable, redacted copy of every exchange. */
export interface RecordingTransport extends Transport {
  exchanges(): RecordedExchange[];
}

/** Wraps a real transport and records what passes through it. */
export function createRecordingTransport(inner: Transport, options: RecordingOptions = {}): RecordingTransport {
  const recorded: RecordedExchange[] = [];
  const clean = (text: string): string => {
    let out = redactSecrets(text, options.secrets ?? []);
    for (const [from, to] of options.rewrite ?? []) out = out.split(from).join(to);
    return out;
  };
  return {
    exchanges: () => [...recorded],
    async send(request: HttpRequest): Promise<HttpResponse> {
      const response = await inner.send(request);
      const requestBody = bodyToJson(request.body, request.headers?.['content-type'], clean);
      const responseHeaders = keepHeaders(response.headers, clean);
      recorded.push({
        request: {
          method: request.method,
          url: clean(request.url),
          ...nonEmpty('headers', keepHeaders(request.headers ?? {}, clean)),
          ...(requestBody === undefined ? {} : { body: requestBody })
        },
        response: {
          status: response.status,
          ...nonEmpty('headers', responseHeaders),
          ...(response.bytes !== undefined
            ? { bodyBase64: response.body }
            : response.body === ''
              ? {}
              : { body: bodyToJson(response.body, response.headers['content-type'], clean) ?? '' })
        }
      });
      return response;
    }
  };
}

function keepHeaders(headers: Readonly<Record<string, string>>, clean: (t: string) => string): Record<string, string> {
  const kept: Record<string, string> = {};
  const redacted = redactHeaders(headers);
  for (const name of MEANINGFUL_HEADERS) {
    const value = redacted[name];
    if (value !== undefined) kept[name] = name === 'authorization' || value === '***' ? '***' : clean(value);
  }
  return kept;
}

function nonEmpty(key: 'headers', value: Record<string, string>): { headers?: Record<string, string> } {
  return Object.keys(value).length === 0 ? {} : { [key]: value };
}

function bodyToJson(
  body: string | Uint8Array | undefined,
  contentType: string | undefined,
  clean: (t: string) => string
): Json | undefined {
  if (body === undefined) return undefined;
  const text = clean(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  // Numbers JavaScript cannot hold exactly (Int64, long Decimals) would be rounded by a JSON round trip: keep such bodies as text.
  if (isJsonContentType(contentType) && !/[:[,]\s*-?\d{16,}/.test(text)) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  return text;
}
