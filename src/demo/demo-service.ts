/**
 * Starts and stops the SAP CAP demo OData service of `fixtures/demo-service` as a child
 * process (OData V4 at /odata/v4/demo/, V2 at /odata/v2/demo/, Basic-auth copies at
 * /odata/v{4,2}/secure/). Used by the live specs (`*.int.spec.ts`) and the `demo` CLI.
 *
 * Needs the dev dependencies `@sap/cds`, `@cap-js/sqlite` and
 * `@cap-js-community/odata-v2-adapter` (installed in a clone by `npm install`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

export interface DemoServiceOptions {
  /** Port to listen on; a free port is chosen when absent. */
  readonly port?: number;
  /**
   * SAP Gateway style CSRF emulation. `true`: modifying requests need the token from
   * `X-CSRF-Token: Fetch`; `'strict'`: additionally the session cookie set by that fetch.
   */
  readonly csrf?: boolean | 'strict';
  /** `$ref` (V4) / `$links` (V2) emulation. */
  readonly refs?: boolean;
  /** Receives every output line of the service process. */
  readonly log?: (line: string) => void;
  /** Extra environment variables for the service process (e.g. `CDS_CONFIG`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Upper bound for the start (until both `$metadata` documents answer 200); default 30 s. */
  readonly startTimeoutMs?: number;
}

export interface DemoService {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `baseUrl + '/odata/v4/demo/'` */
  readonly v4Url: string;
  /** `baseUrl + '/odata/v2/demo/'` */
  readonly v2Url: string;
  /** `baseUrl + '/odata/v4/secure/'` (Basic auth, user `tester` password `secret`) */
  readonly secureV4Url: string;
  /** `baseUrl + '/odata/v2/secure/'` (Basic auth, user `tester` password `secret`) */
  readonly secureV2Url: string;
  readonly port: number;
  /** Process id of the service process. */
  readonly pid: number;
  /** Kills the service (SIGTERM, SIGKILL after 3 s); resolves when the process has exited. */
  stop(): Promise<void>;
}

/** The modules the demo service loads (dev dependencies of this package). */
export const DEMO_SERVICE_MODULES = ['@sap/cds', '@cap-js/sqlite', '@cap-js-community/odata-v2-adapter'] as const;

const DEFAULT_START_TIMEOUT_MS = 30_000;
const KILL_GRACE_MS = 3_000;
const TAIL_LINES = 40;

/** Children still running; killed when the parent process exits. */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** Folder of the CAP project: walks up from this file to the package root. */
export function findDemoServiceDir(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'fixtures', 'demo-service');
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`fixtures/demo-service not found above ${start}`);
    }
    dir = parent;
  }
}

/**
 * Path of the `cds-serve` script as the service folder resolves it; throws a clear error
 * when the dev dependencies are not installed.
 */
export function resolveServeScript(demoDir: string): string {
  const missing: string[] = [];
  for (const name of DEMO_SERVICE_MODULES) {
    try {
      require.resolve(`${name}/package.json`, { paths: [demoDir] });
    } catch {
      missing.push(name);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `The demo service needs the dev dependencies ${DEMO_SERVICE_MODULES.join(', ')} ` +
        `(missing: ${missing.join(', ')}). Run it from a clone of iflow-connectors after \`npm install\`.`
    );
  }
  // @sap/cds 9: package.json "bin": { "cds-serve": "bin/serve.js" }
  return require.resolve('@sap/cds/bin/serve.js', { paths: [demoDir] });
}

/** Finds a free TCP port on the loopback interface (listen on 0, close, reuse). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(err => (err ? reject(err) : port > 0 ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

function flag(value: boolean | 'strict' | undefined): string {
  if (value === 'strict') return 'strict';
  return value ? '1' : '';
}

function childEnv(port: number, options: DemoServiceOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // jest sets NODE_ENV=test; the service is configured for cds' default (development) profile
  delete env.NODE_ENV;
  delete env.CDS_ENV;
  delete env.CDS_CONFIG;
  delete env.CSRF;
  delete env.REFS;
  env.PORT = String(port);
  env.NO_COLOR = '1';
  const csrf = flag(options.csrf);
  const refs = flag(options.refs);
  if (csrf) env.CSRF = csrf;
  if (refs) env.REFS = refs;
  return { ...env, ...options.env };
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startDemoService(options: DemoServiceOptions = {}): Promise<DemoService> {
  const demoDir = findDemoServiceDir();
  const serveScript = resolveServeScript(demoDir);
  const port = options.port ?? (await findFreePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const v4Url = `${baseUrl}/odata/v4/demo/`;
  const v2Url = `${baseUrl}/odata/v2/demo/`;

  const child = spawn(process.execPath, [serveScript], {
    cwd: demoDir,
    env: childEnv(port, options),
    stdio: ['ignore', 'pipe', 'pipe']
  });
  installExitHook();
  liveChildren.add(child);

  const tail: string[] = [];
  // cds logs "server listening on { url: 'http://localhost:PORT' }" once it listens; waiting
  // for it makes sure a 200 comes from this child and not from another server on the port
  let listening = false;
  const onLine = (line: string): void => {
    if (!listening && line.includes('server listening on') && line.includes(`:${port}`)) listening = true;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.log?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split(/\r?\n/);
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    stream?.on('end', () => {
      if (buffered) onLine(buffered);
      buffered = '';
    });
  }

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>(resolve => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      liveChildren.delete(child);
      resolve();
    });
    child.once('error', err => {
      spawnError = err;
      if (child.pid === undefined) {
        liveChildren.delete(child);
        resolve();
      }
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (!stopping) {
      stopping = (async () => {
        if (exitInfo || child.pid === undefined) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (!exitInfo) child.kill('SIGKILL');
        }, KILL_GRACE_MS);
        await exited;
        clearTimeout(timer);
      })();
    }
    return stopping;
  };

  const failure = (reason: string): Error => {
    const lines = tail.filter(line => line.trim() !== '').slice(-15);
    return new Error(`Demo service ${reason}${lines.length ? `:\n${lines.join('\n')}` : ''}`);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  try {
    for (const url of [`${v4Url}$metadata`, `${v2Url}$metadata`]) {
      for (;;) {
        if (spawnError) throw failure(`could not be started (${spawnError.message})`);
        if (exitInfo) {
          throw failure(`exited during start (code ${exitInfo.code ?? 'null'}, signal ${exitInfo.signal ?? 'none'})`);
        }
        if (listening && (await answers200(url))) break;
        if (Date.now() > deadline) throw failure(`did not answer ${url} within the start timeout`);
        await sleep(100);
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    baseUrl,
    v4Url,
    v2Url,
    secureV4Url: `${baseUrl}/odata/v4/secure/`,
    secureV2Url: `${baseUrl}/odata/v2/secure/`,
    port,
    pid: child.pid ?? -1,
    stop
  };
}
