import { createHmac, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createConnectorTable, type ConnectorTable } from '../connector/connector-table';
import type { Connector, Logger, PlanContext, RuntimeCache, Status, Written } from '../connector/connector';
import { resolveParams, secretValues, type ParamSpecs, type ResolvedParams } from '../connector/param-spec';
import { drivePlan, sendingTo, type EmitStep, type Plan, type PlanStep } from '../connector/plan';
import { isConnectorError } from '../errors/connector-error';
import { createAxiosTransport } from '../transport/axios-transport';
import { loggingMiddleware } from '../transport/logging-middleware';
import { composeTransport } from '../transport/middleware';
import { createDryRunTransport, formatRequest, type DryRunRequest } from '../transport/dry-run-transport';
import { connectionSecrets, headerSecrets, redactSecrets, trustAllWarning } from '../transport/redact';
import type { HttpResponse, Transport } from '../transport/transport';
import { createMemoryCache } from './memory-cache';
import { readEnvelope } from './read-envelope';
import { createInvocationAbort } from './invocation-abort';
import { createProgressCounter } from './progress';
import { createResultWriter, type OutputSink } from './result-writer';
import { createRetryCount, type RetrySummary } from './retry-count';

export type { OutputSink } from './result-writer';
export type { RetrySummary } from './retry-count';

/** One call from the ESB. */
export interface InvokeRequest {
  readonly connector: string;
  readonly operation: string;
  /** Parameters as the ESB hands them over (strings), or typed values. */
  readonly params?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The XML request envelope, if the operation takes one. */
  readonly input?: string;
  /**
   * Where the result XML goes as it is written (a file, an HTTP response): a paged read then holds one page in
   * memory whatever the size of the entity set, and {@link InvokeResult.output} is empty.
   */
  readonly output?: OutputSink;
  /** Aborts the invocation: requests in flight are cancelled, and the answer is status -1 ABORTED saying how far it got. */
  readonly signal?: AbortSignal;
  /** An overall deadline in milliseconds for the whole invocation (all pages, all chunks); overrides the runtime's. */
  readonly deadlineMs?: number;
}

/** A result as an async iterable of chunks, and its status once the last chunk is out. */
export interface StreamedInvocation {
  readonly chunks: AsyncIterable<string>;
  /** Resolves when the result is complete; its `output` is empty (it went through `chunks`). */
  readonly result: Promise<InvokeResult>;
}

/** The answer: status 1 with the result XML, or -1 with the reason (and whatever was done) in the XML. */
export interface InvokeResult {
  readonly status: Status;
  /** The result XML; empty when it went to {@link InvokeRequest.output}. */
  readonly output: string;
  /**
   * With `dryRun`: every request the invocation made (`sent`: the read-only `$metadata` reads) or would
   * have made, as HTTP text, secrets redacted.
   */
  readonly requests?: ReadonlyArray<{ readonly sent: boolean; readonly text: string }>;
  /**
   * Present when requests were sent again after a transient failure (OData reads answered 429/502/503/504 or
   * reset; REST answers the connector retries): how many requests, and the attempts they took in all. Each
   * retry is also logged at 'info'; a failure that retries did not cure names its attempts in `<Detail name="Attempts">`.
   */
  readonly retried?: RetrySummary;
}

/** How a runtime sends and remembers. All optional: the defaults talk to the network. */
export interface RuntimeOptions {
  readonly transport?: Transport;
  /** Where `$metadata` models and CSRF sessions are kept; a bounded, expiring memory cache by default. */
  readonly cache?: RuntimeCache;
  /** How long a cached model or session lives, in milliseconds (default one hour). */
  readonly cacheTtlMs?: number;
  /** How many cached models and sessions are kept at most (default 1,000; the least recently used go first). */
  readonly cacheMaxEntries?: number;
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Nonces for request signing (tests pin them so recordings can assert exact signatures); random by default. */
  readonly nonce?: () => string;
  /** An overall deadline in milliseconds for every invocation (none by default); see {@link InvokeRequest.deadlineMs}. */
  readonly deadlineMs?: number;
  /** Waits between retries (tests pass one that returns at once); a wait ends early when the invocation is aborted. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Send nothing that could change anything: the model reads go out (to type and check the request), every
   * other request is answered with an empty 204 and listed in {@link InvokeResult.requests}.
   */
  readonly dryRun?: boolean;
}

/** A set of connectors ready to be invoked. */
export interface Runtime {
  readonly table: ConnectorTable;
  /** Never throws for bad input or remote failure: those come back as status -1. */
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  /** The streaming twin of {@link invoke}: the result as chunks while it is written; memory holds one page. */
  stream(request: Omit<InvokeRequest, 'output'>): StreamedInvocation;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const randomNonce = (): string => randomBytes(16).toString('hex');

/** Creates a runtime over the given connectors. */
export function createRuntime(
  connectors: readonly Connector[] | ConnectorTable,
  options: RuntimeOptions = {}
): Runtime {
  const table = 'operation' in connectors ? connectors : createConnectorTable(connectors);
  const transport = options.transport ?? createAxiosTransport();
  const now = options.now ?? (() => new Date());
  const cache =
    options.cache ??
    createMemoryCache({
      now,
      ...(options.cacheTtlMs === undefined ? {} : { ttlMs: options.cacheTtlMs }),
      ...(options.cacheMaxEntries === undefined ? {} : { maxEntries: options.cacheMaxEntries })
    });
  // Cache keys carry credentials only through this runtime's keyed hash: a dump of the keys reveals nothing.
  const hashKey = randomBytes(32);
  const keyedHash = (text: string): string => createHmac('sha256', hashKey).update(text).digest('base64url');

  async function invoke(request: InvokeRequest): Promise<InvokeResult> {
    let secrets: string[] = [];
    const seen: DryRunRequest[] = [];
    let warnedTrustAll = false;
    // Whatever credential a middleware put on the wire (Basic, Bearer, signature, CSRF session) or in the
    // connection (a key, a proxy password) is redacted too; verification turned off is said once an invocation.
    const harvest = (base: Transport): Transport =>
      composeTransport(base, (r, next) => {
        secrets.push(...headerSecrets(r.headers), ...connectionSecrets(r.connection));
        if (r.connection?.trustAll === true && !warnedTrustAll) {
          warnedTrustAll = true;
          log('warn', trustAllWarning(r.url));
        }
        return next(r);
      });
    const result = createResultWriter(request.output, text => redactSecrets(text, secrets));
    const log: Logger = (level, message) => options.log?.(level, redactSecrets(message, secrets));
    const progress = createProgressCounter(log, now, () => result.bytes);
    const deadlineMs = request.deadlineMs ?? options.deadlineMs;
    const abort = createInvocationAbort(request.signal, deadlineMs, progress.now);
    const clock = (): number => now().getTime();
    const deadline = deadlineMs === undefined ? undefined : clock() + deadlineMs;
    const retries = createRetryCount(log, abort.signal, clock, deadline, options.sleep);
    // Every request, model reads included, is counted and carries the abort signal; nothing is sent once it fired.
    const signalled = composeTransport(transport, abort.middleware, (r, next) => {
      progress.sent();
      return next(r);
    });
    const finish = (status: Status, output: string): InvokeResult => ({
      status,
      output,
      ...(options.dryRun === true
        ? { requests: seen.map(r => ({ sent: r.sent, text: redactSecrets(formatRequest(r), secrets) })) }
        : {}),
      ...(retries.summary() === undefined ? {} : { retried: retries.summary() })
    });
    try {
      const { connector, operation, params: specs } = table.operation(request.connector, request.operation);
      const given = Object.fromEntries(Object.entries(request.params ?? {}).filter(([, v]) => v !== undefined));
      // Secret values are known before validation, so even a validation message cannot leak them.
      secrets = Object.entries(specs)
        .filter(([n, s]) => s.secret === true && typeof given[n] === 'string')
        .map(([n]) => String(given[n]));
      const params: ResolvedParams = resolveParams(specs, given);
      secrets = secretValues(specs, params);
      const envelope = readEnvelope(request.input, operation.envelope, operation.roots, request.operation);
      const nonce = options.nonce ?? randomNonce;
      const identity = keyedHash(JSON.stringify([...credentialOf(specs, params), transport.identity?.() ?? null]));
      const prepare = (base: Transport): Transport => {
        const harvested = harvest(base);
        const logged = options.log === undefined ? harvested : composeTransport(harvested, loggingMiddleware(log));
        const idempotent = operation.idempotent !== false;
        return (
          connector.prepareTransport?.(logged, params, {
            cache,
            identity,
            now,
            nonce,
            idempotent,
            retry: retries.hooks
          }) ?? logged
        );
      };
      const addSecrets = (values: readonly string[]): void => void secrets.push(...values);
      // A dry run sends the model reads for real (side-effect free, needed to check the plan) and no step.
      const modelBase = options.dryRun === true ? createDryRunTransport(signalled, seen, () => true) : signalled;
      const stepBase = options.dryRun === true ? createDryRunTransport(signalled, seen, () => false) : signalled;
      const model = operation.model;
      const models =
        model === undefined
          ? undefined
          : {
              key: `model:${connector.name}:${keyedHash(`${model.key(params)}\u0000${identity}`)}`,
              load: (): Promise<unknown> => {
                const via = prepare(modelBase);
                return drivePlan(
                  model.load(params),
                  sendingTo(r => via.send(r))
                );
              }
            };
      const emitted = async (step: EmitStep): Promise<void> => {
        abort.check();
        step.write(result.writer);
        progress.wrote(step.items);
        await abort.until(result.drained());
      };
      const written = await runPlanned(operation.start(envelope, params), prepare(stepBase), emitted, models, {
        params,
        model: undefined,
        log,
        now,
        nonce,
        addSecrets
      });
      written.write(result.writer);
      progress.end();
      return finish(written.status, result.finish());
    } catch (error) {
      return finish(-1, result.fail(error));
    } finally {
      abort.dispose();
    }
  }

  /**
   * Runs a plan over its model. A MODEL_MISMATCH against a cached model, before anything but a read was sent,
   * re-reads the model once and plans again: the service may have added what the envelope names.
   */
  async function runPlanned(
    start: (ctx: PlanContext<ResolvedParams, unknown>) => Plan<Written>,
    via: Transport,
    emitted: (step: EmitStep) => Promise<void>,
    models: { readonly key: string; load(): Promise<unknown> } | undefined,
    ctx: PlanContext<ResolvedParams, unknown>
  ): Promise<Written> {
    let wrote = false;
    const carry = async (step: PlanStep): Promise<HttpResponse | undefined> => {
      if (step.kind === 'emit') {
        wrote = true; // written output cannot be planned again either
        await emitted(step);
        return undefined;
      }
      if (!SAFE_METHODS.has(step.request.method)) wrote = true;
      return via.send(step.request);
    };
    if (models === undefined) return drivePlan(start(ctx), carry);
    const cached = cache.has(models.key);
    const model = await cache.memo(models.key, models.load);
    try {
      return await drivePlan(start({ ...ctx, model }), carry);
    } catch (error) {
      if (!cached || wrote || !isConnectorError(error) || error.code !== 'MODEL_MISMATCH') throw error;
      ctx.log('info', `${error.message}: re-reading the service model once, it may have changed since it was cached`);
      cache.delete(models.key);
      const fresh = await cache.memo(models.key, models.load);
      return drivePlan(start({ ...ctx, model: fresh }), carry);
    }
  }

  function stream(request: Omit<InvokeRequest, 'output'>): StreamedInvocation {
    // A PassThrough is an async iterable with backpressure: a slow reader makes write() say full, the runtime waits.
    const chunks = new PassThrough({ encoding: 'utf8' });
    const result = invoke({ ...request, output: chunks }).finally(() => chunks.end());
    return { chunks, result };
  }

  return { table, invoke, stream };
}

/** The values that say who is calling: secret and identity parameters (a URL's password included). */
function credentialOf(specs: ParamSpecs, params: ResolvedParams): string[] {
  const named = Object.entries(specs)
    .filter(([name, spec]) => spec.identity === true && params[name] !== undefined)
    .map(([name]) => `${name}=${String(params[name])}`);
  return [...named, ...secretValues(specs, params)];
}
