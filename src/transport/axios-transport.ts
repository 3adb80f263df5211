import type { AxiosError, AxiosInstance } from 'axios';
import { ConnectorError, isConnectorError } from '../errors/connector-error';
import { createAgentPool, type Route } from './agent-pool';
import { ProxyRefusal, type Env } from './proxy';
import { sanitizeUrl } from './redact';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Options of the network transport. */
export interface AxiosTransportOptions {
  /** Default timeout per request in milliseconds (60 s when absent). */
  readonly timeoutMs?: number;
  /** Largest response body accepted, in bytes (512 MB when absent). */
  readonly maxBodyBytes?: number;
  /** Where HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY are read, at each request (`process.env` when absent). */
  readonly env?: Env;
}

/**
 * The network transport: the only file that imports axios. Each request goes through the keep-alive agent of
 * its connection (proxy, TLS options, socket bound; see {@link createAgentPool}), so paging and CSRF round trips
 * reuse sockets. axios's own proxy handling stays off for https (the agent tunnels); a plain-http target goes
 * to its proxy as an absolute-URI request. Every status is returned (validateStatus accepts all); only
 * failures to get any answer become TIMEOUT or TRANSPORT errors.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  // axios (with form-data and its polyfills) is most of the package's cold require: loaded at the first request.
  let client: Promise<AxiosInstance> | undefined;
  const clientOf = (): Promise<AxiosInstance> =>
    (client ??= import('axios').then(({ default: axios }) =>
      axios.create({
        validateStatus: () => true,
        maxRedirects: 0,
        maxContentLength: options.maxBodyBytes ?? 512 * 1024 * 1024,
        maxBodyLength: Infinity,
        decompress: true,
        transitional: { silentJSONParsing: true, forcedJSONParsing: false, clarifyTimeoutError: true }
      })
    ));
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const agents = createAgentPool(options.env ?? process.env);

  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const timeout = request.timeoutMs ?? defaultTimeout;
      let route: Route | undefined;
      try {
        const via = agents.route(request.url, request.connection);
        route = via;
        const exchange = async () =>
          (await clientOf()).request<ArrayBuffer>({
            method: request.method,
            url: request.url,
            headers: { ...request.headers },
            data:
              typeof request.body === 'string' || request.body === undefined ? request.body : Buffer.from(request.body),
            timeout,
            httpAgent: via.agent,
            httpsAgent: via.agent,
            proxy: via.forward ?? false,
            ...(request.signal === undefined ? {} : { signal: request.signal }),
            responseType: 'arraybuffer',
            // axios would JSON-parse or re-encode otherwise; bodies stay exactly as the service sent them
            transformResponse: [(data: ArrayBuffer) => data],
            transformRequest: [(data: unknown) => data]
          });
        let response: Awaited<ReturnType<typeof exchange>>;
        try {
          response = await exchange();
        } catch (error) {
          // A kept-alive socket the server closed while idle fails the next request before any answer: a read
          // is sent once more on a fresh socket (a write never is: it may have reached the service).
          if (!staleSocket(error, request)) throw error;
          response = await exchange();
        }
        if (response.status === 407 && route.proxy !== undefined) throw new ProxyRefusal(407);
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
        throw isConnectorError(error) ? error : toTransportError(error, request, timeout, route?.proxy);
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

// Failing to reach the first hop: with a proxy, that is the proxy.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const PROXY_SETTINGS = 'the "proxy" parameter or HTTPS_PROXY/HTTP_PROXY (NO_PROXY lists the hosts reached directly)';

// The server's certificate did not verify against the trusted CAs.
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE'
]);

// TLS alerts a server sends when it wants a client certificate it trusts and got none, or another one.
const CLIENT_CERT_REFUSED =
  /^ERR_SSL_(TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_CERTIFICATE_UNKNOWN|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_CERTIFICATE_(EXPIRED|REVOKED|UNSUPPORTED)|SSLV3_ALERT_HANDSHAKE_FAILURE)$/;

const CLIENT_CERT = 'a client certificate it trusts; check "cert" and "key" (or "pfx" and "passphrase")';

/** What a failure to get an answer means, and what to check; undefined when there is nothing to add. */
function hintOf(code: string, error: unknown, target: string, proxy: string | undefined): string | undefined {
  const { host, protocol } = parseUrl(target);
  const secure = protocol === 'https:';
  const refusal = error instanceof ProxyRefusal ? error : (error as { cause?: unknown }).cause;
  if (refusal instanceof ProxyRefusal) {
    return refusal.status === 407
      ? `the proxy ${proxy ?? ''} refused the credentials (407 Proxy Authentication Required): check the user and password in ${PROXY_SETTINGS}`
      : `the proxy ${proxy ?? ''} would not open a tunnel to ${host} (it answered ${refusal.status}): check the URL, and that the proxy lets ${host} through`;
  }
  if (proxy !== undefined && UNREACHABLE.has(code))
    return `the proxy ${proxy} cannot be reached: check ${PROXY_SETTINGS}`;
  if (UNTRUSTED.has(code)) {
    return `the TLS certificate of ${host} is not trusted (self-signed, or issued by a CA this machine does not know): give that CA's certificate (PEM) in the "ca" parameter`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `the TLS certificate of ${host} is outside its validity period: the service's certificate needs renewing, or this machine's clock is wrong`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `the TLS certificate of ${host} is not issued for that host name: use a host name the certificate names`;
  }
  if (CLIENT_CERT_REFUSED.test(code)) return `${host} refused the TLS handshake: it wants ${CLIENT_CERT}`;
  // With TLS 1.3 the client's handshake is done before the server judges its certificate: a refusal may come
  // as a bare reset instead of the alert.
  if (code === 'ECONNRESET' && secure) {
    return `${host} closed the connection: check the URL's scheme (http/https) and port; a service that wants ${CLIENT_CERT} does this too`;
  }
  return HINTS[code]?.(host);
}

function parseUrl(url: string): { readonly host: string; readonly protocol: string } {
  try {
    return new URL(url);
  } catch {
    return { host: url, protocol: '' };
  }
}

function toTransportError(error: unknown, request: HttpRequest, timeout: number, proxy?: string): ConnectorError {
  const details = { method: request.method, url: sanitizeUrl(request.url) };
  const code = (error as { code?: unknown }).code;
  if (isAxiosError(error) && (code === 'ETIMEDOUT' || code === 'ECONNABORTED')) {
    return new ConnectorError(
      'TIMEOUT',
      `${request.method} ${details.url} got no answer within ${timeout} ms${proxy === undefined ? '' : ` (through the proxy ${proxy})`}`,
      details,
      { cause: error }
    );
  }
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  const hint = hintOf(typeof code === 'string' ? code : '', error, request.url, proxy);
  return new ConnectorError(
    'TRANSPORT',
    `${request.method} ${details.url} failed: ${reason}${hint === undefined ? '' : ` (${hint})`}`,
    details,
    { cause: error }
  );
}

function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function staleSocket(error: unknown, request: HttpRequest): boolean {
  return (
    SAFE_METHODS.has(request.method) &&
    request.signal?.aborted !== true &&
    isAxiosError(error) &&
    error.response === undefined &&
    (error.code === 'ECONNRESET' || error.code === 'EPIPE')
  );
}
