import http from 'node:http';
import https from 'node:https';
import type { AxiosError, AxiosInstance } from 'axios';
import { ConnectorError } from '../errors/connector-error';
import { sanitizeUrl } from './redact';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Options of the network transport. */
export interface AxiosTransportOptions {
  /** Default timeout per request in milliseconds (60 s when absent). */
  readonly timeoutMs?: number;
  /** Largest response body accepted, in bytes (512 MB when absent). */
  readonly maxBodyBytes?: number;
}

/**
 * The network transport: the only file that imports axios. Keep-alive agents are shared so paging and
 * CSRF round trips reuse connections. Every status is returned (validateStatus accepts all); only
 * failures to get any answer become TIMEOUT or TRANSPORT errors.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  // axios (with form-data and its polyfills) is most of the package's cold require: loaded at the first request.
  let client: Promise<AxiosInstance> | undefined;
  const clientOf = (): Promise<AxiosInstance> =>
    (client ??= import('axios').then(({ default: axios }) =>
      axios.create({
        httpAgent: new http.Agent({ keepAlive: true }),
        httpsAgent: new https.Agent({ keepAlive: true }),
        validateStatus: () => true,
        maxRedirects: 0,
        maxContentLength: options.maxBodyBytes ?? 512 * 1024 * 1024,
        maxBodyLength: Infinity,
        decompress: true,
        transitional: { silentJSONParsing: true, forcedJSONParsing: false, clarifyTimeoutError: true },
        proxy: false
      })
    ));
  const defaultTimeout = options.timeoutMs ?? 60_000;

  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const timeout = request.timeoutMs ?? defaultTimeout;
      try {
        const response = await (
          await clientOf()
        ).request<ArrayBuffer>({
          method: request.method,
          url: request.url,
          headers: { ...request.headers },
          data:
            typeof request.body === 'string' || request.body === undefined ? request.body : Buffer.from(request.body),
          timeout,
          ...(request.signal === undefined ? {} : { signal: request.signal }),
          responseType: 'arraybuffer',
          // axios would JSON-parse or re-encode otherwise; bodies stay exactly as the service sent them
          transformResponse: [(data: ArrayBuffer) => data],
          transformRequest: [(data: unknown) => data]
        });
        const bytes = new Uint8Array(response.data);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined || value === null) continue;
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join('\n') : String(value);
        }
        const binary = request.responseType === 'binary';
        const body = binary ? Buffer.from(bytes).toString('base64') : Buffer.from(bytes).toString('utf8');
        return binary ? { status: response.status, headers, body, bytes } : { status: response.status, headers, body };
      } catch (error) {
        throw toTransportError(error, request, timeout);
      }
    }
  };
}

// What the common socket errors mean for the user, and what to check.
const HINTS: Readonly<Record<string, (host: string) => string>> = {
  ECONNREFUSED: host => `nothing accepts connections at ${host}: check the URL and that the service is running`,
  ENOTFOUND: host => `the host name of ${host} is not known: check the URL`,
  ECONNRESET: host => `${host} closed the connection: check the URL's scheme (http/https) and port`
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function toTransportError(error: unknown, request: HttpRequest, timeout: number): ConnectorError {
  const details = { method: request.method, url: sanitizeUrl(request.url) };
  if (isAxiosError(error)) {
    if (error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED') {
      return new ConnectorError(
        'TIMEOUT',
        `${request.method} ${details.url} got no answer within ${timeout} ms`,
        details,
        { cause: error }
      );
    }
    const reason = error.code ?? error.message;
    const hint = HINTS[error.code ?? '']?.(hostOf(request.url));
    return new ConnectorError(
      'TRANSPORT',
      `${request.method} ${details.url} failed: ${reason}${hint === undefined ? '' : ` (${hint})`}`,
      details,
      { cause: error }
    );
  }
  return new ConnectorError('TRANSPORT', `${request.method} ${details.url} failed: ${String(error)}`, details, {
    cause: error
  });
}

function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
