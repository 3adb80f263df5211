import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { ConnectorError } from '../errors/connector-error';
import { portOf, proxyFor, TunnelAgent, type Env } from './proxy';
import { tlsOptionsOf } from './tls-options';
import type { HttpConnection } from './transport';

/** Sockets open at once to one service when a connection does not say. */
export const DEFAULT_MAX_SOCKETS = 16;

/** How one request goes out: the agent that owns its sockets, and the proxy, if any. */
export interface Route {
  readonly agent: http.Agent;
  /** The proxy, for messages: no credentials in it. */
  readonly proxy?: string;
  /** For a plain-http target through a proxy: the absolute-URI request axios sends to the proxy. */
  readonly forward?: {
    readonly protocol: string;
    readonly host: string;
    readonly port: number;
    readonly auth?: { readonly username: string; readonly password: string };
  };
}

/**
 * Keep-alive agents, one per distinct way of connecting (target scheme, proxy, TLS options, socket bound), so
 * paging and CSRF round trips reuse sockets and each service's sockets are bounded by `maxSockets` (an agent
 * bounds per host and port). At most `maxAgents` are kept; the least recently used one is retired: its idle
 * sockets close, the busy ones when their request is done.
 */
export function createAgentPool(env: Env, maxAgents = 32): { route(url: string, connection?: HttpConnection): Route } {
  const agents = new Map<string, Route>();
  return {
    route(url, connection) {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const proxyUrl = connection?.proxy ?? proxyFor(target, env);
      const maxSockets = connection?.maxSockets ?? DEFAULT_MAX_SOCKETS;
      const { ca, cert, key: privateKey, pfx, passphrase, trustAll } = connection ?? {};
      const tlsKey = secure ? [ca, cert, privateKey, pfx, passphrase, trustAll === true] : null;
      const key = createHash('sha256')
        .update(JSON.stringify([secure, proxyUrl ?? null, tlsKey, maxSockets]))
        .digest('base64url');
      const known = agents.get(key);
      if (known !== undefined) {
        agents.delete(key);
        agents.set(key, known); // most recently used last
        return known;
      }
      const tls = secure ? tlsOptionsOf(connection) : {};
      const route = createRoute(secure, proxyUrl, { keepAlive: true, maxSockets, ...tls });
      agents.set(key, route);
      if (agents.size > maxAgents) {
        const [oldest, retired] = agents.entries().next().value as [string, Route];
        agents.delete(oldest);
        retire(retired.agent);
      }
      return route;
    }
  };
}

function createRoute(secure: boolean, proxyUrl: string | undefined, options: https.AgentOptions): Route {
  if (proxyUrl === undefined) return { agent: secure ? new https.Agent(options) : new http.Agent(options) };
  const proxy = parseProxy(proxyUrl);
  const shown = proxy.origin; // no credentials in it
  if (secure) return { agent: new TunnelAgent(proxy, options), proxy: shown };
  const { keepAlive, maxSockets } = options;
  const toProxy = { keepAlive, maxSockets };
  return {
    agent: proxy.protocol === 'https:' ? new https.Agent(toProxy) : new http.Agent(toProxy),
    proxy: shown,
    forward: {
      protocol: proxy.protocol,
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: portOf(proxy),
      ...(proxy.username === '' && proxy.password === ''
        ? {}
        : {
            auth: { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) }
          })
    }
  };
}

function parseProxy(proxyUrl: string): URL {
  let proxy: URL | undefined;
  try {
    proxy = new URL(proxyUrl);
  } catch {
    // reported below, without the value: it may hold a password
  }
  if (proxy === undefined || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:')) {
    throw new ConnectorError(
      'PARAMETER_INVALID',
      'The proxy is not an http:// or https:// URL: check the "proxy" parameter or HTTPS_PROXY/HTTP_PROXY/ALL_PROXY',
      { target: 'proxy' }
    );
  }
  return proxy;
}

function retire(agent: http.Agent): void {
  agent.keepSocketAlive = () => false; // a busy socket is closed when its request is done, not kept
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}
