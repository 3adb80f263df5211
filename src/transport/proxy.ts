import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import http from 'node:http';
import https from 'node:https';

export type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * The proxy the environment names for a URL, or undefined for a direct connection. The rules of
 * `proxy-from-env` (what axios and most Node tools follow): each variable lower case first, then upper case;
 * `<scheme>_proxy`, else `all_proxy`; NO_PROXY `*` bypasses all, entries split on commas or blanks, `host:port`
 * only for that port, a leading `.` or `*` matches by suffix, anything else the host name exactly. A proxy
 * without a scheme is an http:// proxy, as curl reads it.
 */
export function proxyFor(target: URL, env: Env): string | undefined {
  const read = (name: string): string => env[name.toLowerCase()] || env[name.toUpperCase()] || '';
  const scheme = target.protocol.replace(/:$/, '');
  const proxy = read(`${scheme}_proxy`) || read('all_proxy');
  if (proxy === '' || bypassed(target, read('no_proxy').toLowerCase())) return undefined;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

function bypassed(target: URL, noProxy: string): boolean {
  if (noProxy === '') return false;
  if (noProxy === '*') return true;
  const host = target.host.replace(/:\d*$/, '').toLowerCase(); // IPv6 keeps its brackets
  const port = Number(target.port) || DEFAULT_PORTS[target.protocol] || 0;
  return noProxy.split(/[,\s]/).some(entry => {
    if (entry === '') return false;
    const [, name = entry, entryPort] = /^(.+):(\d+)$/.exec(entry) ?? [];
    if (entryPort !== undefined && Number(entryPort) !== port) return false;
    return /^[.*]/.test(name) ? host.endsWith(name.replace(/^\*/, '')) : host === name;
  });
}

/** The proxy refused or could not open the tunnel: `status` is its answer to CONNECT (407: credentials). */
export class ProxyRefusal extends Error {
  readonly code = 'EPROXYREFUSED';
  constructor(readonly status: number) {
    super(`the proxy answered CONNECT with ${status}`);
  }
}

/** The Proxy-Authorization value of a proxy URL's user:password, or undefined without credentials. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
}

export function portOf(url: URL): number {
  return Number(url.port) || DEFAULT_PORTS[url.protocol] || 80;
}

/**
 * An https agent whose sockets are CONNECT tunnels through a proxy: the proxy sees the target's host and port,
 * never the request; Proxy-Authorization goes on CONNECT only. Being an https.Agent, it pools and bounds the
 * tunnelled TLS sockets like any other (keep-alive, maxSockets per target) and applies its TLS options to the
 * target.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void
  ): Duplex | undefined {
    // Node ignores the stream that comes with an error; the typings want one all the same.
    const fail = (error: Error): void => callback?.(error, undefined as unknown as Duplex);
    const host = options.host ?? options.hostname ?? 'localhost';
    const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
    const authorization = proxyAuthorization(this.proxy);
    const secureProxy = this.proxy.protocol === 'https:';
    const request = (secureProxy ? https : http).request({
      host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
      port: portOf(this.proxy),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(authorization === undefined ? {} : { 'proxy-authorization': authorization }) },
      agent: false,
      timeout: 60_000,
      ...(secureProxy ? { ALPNProtocols: ['http/1.1'] } : {})
    });
    request.once('connect', (response: http.IncomingMessage, socket: Socket) => {
      request.removeAllListeners();
      socket.setTimeout(0); // the wait for CONNECT is over; idle tunnels are the agent's to close
      if (response.statusCode !== 200) {
        socket.destroy();
        return fail(new ProxyRefusal(response.statusCode ?? 0));
      }
      // https.Agent's own createConnection runs TLS over the given socket, with this agent's options
      const secure = super.createConnection({ ...options, socket } as https.RequestOptions);
      if (secure !== null && secure !== undefined) callback?.(null, secure);
    });
    request.once('timeout', () => request.destroy(Object.assign(new Error('proxy timeout'), { code: 'ETIMEDOUT' })));
    request.once('error', error => {
      request.removeAllListeners();
      fail(error);
    });
    request.end();
    return undefined;
  }
}
