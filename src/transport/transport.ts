/** HTTP methods the connectors use (MERGE is OData V2's partial update). */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'MERGE' | 'DELETE';

/** One HTTP request, fully built by a pure encode step. */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** Absolute URL, already percent-encoded. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Text bodies are sent as UTF-8; binary bodies (media) as given. */
  readonly body?: string | Uint8Array;
  /** Per-request timeout in milliseconds; the transport's default applies when absent. */
  readonly timeoutMs?: number;
  /** 'binary' keeps the body as bytes (media streams); the default decodes UTF-8 text. */
  readonly responseType?: 'text' | 'binary';
  /** Cancels the request in flight: the runtime sets it from the invocation's abort signal and deadline. */
  readonly signal?: AbortSignal;
  /** How to reach the service (proxy, TLS, socket pool); the transport's defaults apply when absent. */
  readonly connection?: HttpConnection;
}

/** How a request reaches its service: set from a connection's parameters, read only by the network transport. */
export interface HttpConnection {
  /** Proxy URL, may carry user:password; used instead of HTTP(S)_PROXY, and NO_PROXY does not apply to it. */
  readonly proxy?: string;
  /** PEM certificates of the CAs trusted in addition to the default list. */
  readonly ca?: string;
  /** PEM client certificate (chain) and its private key, for services that want a client certificate. */
  readonly cert?: string;
  readonly key?: string;
  /** Client certificate and key as a PKCS#12 bundle, base64. */
  readonly pfx?: string;
  /** Decrypts `key` or `pfx`. */
  readonly passphrase?: string;
  /** Accept any server certificate: verification off (unsafe, warned about). */
  readonly trustAll?: boolean;
  /** Most sockets open at once to one service. */
  readonly maxSockets?: number;
}

/** One HTTP response. Every status reaches the caller: status policy belongs to the operation. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers (set-cookie) joined with '\n'. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text ('' for none); for binary responses, the base64 of the bytes. */
  readonly body: string;
  /** The raw bytes, present for responseType 'binary'. */
  readonly bytes?: Uint8Array;
  /** How many attempts were made in all, when a retry middleware sent the request more than once. */
  readonly attempts?: number;
  /** The statuses the earlier attempts answered, oldest first, when the request was retried. */
  readonly earlierStatuses?: readonly number[];
  /**
   * Set by a retry middleware on a transient failure (429, 502–504) it did not send again: a write (it may have
   * reached the service), or the wait the service asked for (Retry-After) is beyond the cap or the deadline.
   */
  readonly notResent?: 'write' | 'beyond-cap' | 'beyond-deadline';
}

/** The only I/O seam: everything that goes over the network passes through a Transport. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  /**
   * Who the transport's own credentials belong to, for a transport that adds them itself (a host that signs
   * in per caller): part of the credential that keys the runtime's caches. Read once per invocation.
   */
  identity?(): string | undefined;
}

/** Returns a header value by case-insensitive name. */
export function headerOf(
  response: { readonly headers: Readonly<Record<string, string>> },
  name: string
): string | undefined {
  return response.headers[name.toLowerCase()];
}
