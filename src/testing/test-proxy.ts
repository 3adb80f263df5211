import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** What a test proxy saw: one entry per CONNECT or forwarded request. */
export interface ProxiedRequest {
  readonly method: string;
  /** `host:port` for CONNECT, the absolute URI for a forwarded request. */
  readonly target: string;
  readonly proxyAuthorization?: string;
}

export interface TestProxy {
  readonly url: string;
  readonly seen: ProxiedRequest[];
  /** The Proxy-Authorization value required, or undefined to let anyone through. */
  requireAuthorization(value: string | undefined): void;
  /** CONNECT to these `host:port` targets is refused with 403, as a proxy's access rules would. */
  readonly denied: Set<string>;
  close(): Promise<void>;
}

/**
 * A forward proxy on loopback, as corporate proxies behave: CONNECT opens a tunnel (the proxy never sees what
 * goes through it), an absolute-URI request is forwarded; with credentials required, a request without the
 * right Proxy-Authorization gets 407.
 */
export async function startTestProxy(): Promise<TestProxy> {
  const seen: ProxiedRequest[] = [];
  let required: string | undefined;
  const denied = new Set<string>();
  const refused = (authorization: string | undefined): boolean => required !== undefined && authorization !== required;
  const server = http.createServer((req, res) => {
    const authorization = req.headers['proxy-authorization'];
    seen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      ...(authorization ? { proxyAuthorization: authorization } : {})
    });
    if (refused(authorization)) {
      return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end('proxy credentials needed');
    }
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.writeHead(502).end('upstream failed'));
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authorization = req.headers['proxy-authorization'];
    seen.push({
      method: 'CONNECT',
      target: req.url ?? '',
      ...(authorization ? { proxyAuthorization: authorization } : {})
    });
    if (refused(authorization)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    if (denied.has(req.url ?? '')) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    denied,
    requireAuthorization: value => void (required = value),
    close: () => {
      for (const socket of sockets) socket.destroy(); // tunnels included, which the server no longer tracks
      return new Promise<void>(resolve => server.close(() => resolve()));
    }
  };
}
