import type { XmlElement } from '../envelope/xml-element';
import type { XmlWriter } from '../output/xml-writer';
import type { RetryHooks } from '../transport/retry-middleware';
import type { Transport } from '../transport/transport';
import type { ParamSpecs, ParamsOf, ResolvedParams } from './param-spec';
import type { Plan } from './plan';

/** X4 status values: 1 = done, output produced; -1 = failed, reason in the output. */
export type Status = 1 | -1;

/** What a plan hands to `write`, with the status the invocation ends with. */
export interface Outcome<Output> {
  readonly status: Status;
  readonly output: Output;
}

/**
 * Diagnostic messages; the runtime redacts secrets before they reach the sink. 'progress': how far a long read
 * or batch has got (requests, parts, entities, bytes, rate), at most once a second and once at the end.
 */
export type Logger = (level: 'debug' | 'info' | 'warn' | 'progress', message: string) => void;

/**
 * Memoises values (a `$metadata` model, a CSRF session) for a runtime: bounded (least recently used entries
 * go first) and expiring. Keys that hold anything a credential obtained carry {@link ConnectionContext.identity}.
 */
export interface RuntimeCache {
  /** The value under `key`, computed once while it lives; a failed computation is not kept. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Whether a live entry is under `key`. */
  has(key: string): boolean;
  delete(key: string): void;
}

/** What a connection's transport gets from the runtime for one invocation. */
export interface ConnectionContext {
  readonly cache: RuntimeCache;
  /**
   * A keyed hash of the credential this invocation uses (its secret and identity parameters, and the identity
   * its transport names): never the secret itself. Every cache entry a credential obtained is keyed by it.
   */
  readonly identity: string;
  /** How retries wait (aborted with the invocation, injectable), and where they are reported; absent outside a runtime. */
  readonly retry?: RetryHooks;
}

/** What a connection's middlewares get for one invocation besides the cache: what signing and retrying need. */
export interface InvocationConnection extends ConnectionContext {
  /** The runtime's clock (signing dates). */
  readonly now: () => Date;
  /** The runtime's nonces (signing); random unless a test pins them. */
  readonly nonce: () => string;
  /** False for an operation that must not be sent again once it may have reached the service (a create). */
  readonly idempotent: boolean;
}

/**
 * A model the plans of a connector are checked against (OData `$metadata`). The runtime loads it with the
 * invocation's credentials and caches it per {@link key} and credential, with an expiry.
 */
export interface ModelSource<Params, Model> {
  /** What tells one model apart besides the credential: the service URL with its query. */
  key(params: Params): string;
  /** Reads the model; `$metadata` is an ordinary request, so loading is a plan too. */
  load(params: Params): Plan<Model>;
}

/** What a plan may use besides its input: typed parameters, the model, and the runtime's clock, nonces and log. */
export interface PlanContext<Params = ResolvedParams, Model = undefined> {
  readonly params: Params;
  readonly model: Model;
  readonly log: Logger;
  readonly now: () => Date;
  readonly nonce: () => string;
  /** Registers values found in the input that must never be shown (a password inside an envelope). */
  readonly addSecrets: (values: readonly string[]) => void;
}

/**
 * One operation as the pipeline: `read` (pure: envelope → typed input), `plan` (pure: the requests, as a
 * generator the runtime drives; decoding each answer with pure functions), `write` (pure: result → XML).
 */
export interface PlannedOperationDefinition<Params, Input, Output, Model> {
  readonly description: string;
  /** Operation-specific parameters, merged over the connector-wide ones. */
  readonly params?: ParamSpecs;
  /** 'none': no envelope (an empty root is accepted); 'required': a missing envelope is ENVELOPE_INVALID. */
  readonly envelope: 'none' | 'optional' | 'required';
  /** Accepted root element names (checked before `read`); any root when absent. */
  readonly roots?: readonly string[];
  /** The service model the plan needs (loaded and cached by the runtime); none when absent. */
  readonly model?: ModelSource<Params, Model>;
  /** False for an operation that must not be sent again once it may have reached the service (a create). */
  readonly idempotent?: boolean;
  read(envelope: XmlElement | undefined, params: Params): Input;
  plan(input: Input, ctx: PlanContext<Params, Model>): Plan<Outcome<Output>>;
  write(output: Output, w: XmlWriter): void;
}

/** What an operation hands to the runtime: the status, and how to write the result. */
export interface Written {
  readonly status: Status;
  write(w: XmlWriter): void;
}

/** An operation with its types erased, as it sits in a connector's table. */
export interface Operation {
  readonly description: string;
  readonly params: ParamSpecs;
  readonly envelope: 'none' | 'optional' | 'required';
  readonly roots: readonly string[] | undefined;
  readonly model?: ModelSource<ResolvedParams, unknown>;
  /** False for an operation that must not be sent again once it may have reached the service; true when absent. */
  readonly idempotent?: boolean;
  /** Reads the envelope (pure) and returns the plan to run once the model is there. */
  start(
    envelope: XmlElement | undefined,
    params: ResolvedParams
  ): (ctx: PlanContext<ResolvedParams, unknown>) => Plan<Written>;
}

/**
 * Erases a planned operation's types so operations with different inputs share one table.
 * @param definition - The operation's steps, typed by its parameters.
 * @returns The operation as it sits in a connector's table.
 */
export function definePlannedOperation<Params, Input, Output, Model>(
  definition: PlannedOperationDefinition<Params, Input, Output, Model>
): Operation {
  // The runtime resolved the params against these very specs, so the cast only restores their declared type.
  const typed = (params: ResolvedParams): Params => params as unknown as Params;
  return {
    description: definition.description,
    params: definition.params ?? {},
    envelope: definition.envelope,
    roots: definition.roots,
    ...(definition.model === undefined
      ? {}
      : { model: definition.model as unknown as ModelSource<ResolvedParams, unknown> }),
    ...(definition.idempotent === undefined ? {} : { idempotent: definition.idempotent }),
    start(envelope, params) {
      const input = definition.read(envelope, typed(params));
      return function* (ctx) {
        const outcome = yield* definition.plan(input, { ...ctx, params: typed(ctx.params), model: ctx.model as Model });
        return { status: outcome.status, write: w => definition.write(outcome.output, w) };
      };
    }
  };
}

/**
 * The operation builder of a connector: operations declared with it read their parameters typed from the
 * connector-wide specs and their own, so `params.serviceUrl` is a string and a misspelt name does not compile.
 * @param connectorParams - The connector-wide specs, declared `as const satisfies ParamSpecs`.
 */
export function operationsOf<Connection extends ParamSpecs>(
  connectorParams: Connection
): {
  // Own is inferred from `params` alone (none: no own parameters), never from how the plan or model uses them.
  define<Own extends ParamSpecs = Record<never, never>, Input = unknown, Output = unknown, Model = undefined>(
    definition: PlannedOperationDefinition<ParamsOf<Connection & NoInfer<Own>>, Input, Output, Model> & {
      readonly params?: Own;
    }
  ): Operation;
} {
  void connectorParams;
  return { define: definition => definePlannedOperation(definition) };
}

/** A connector: a name, connector-wide parameters, and its table of operations. */
export interface Connector {
  readonly name: string;
  readonly description: string;
  readonly params: ParamSpecs;
  readonly operations: Readonly<Record<string, Operation>>;
  /**
   * Wraps the runtime's transport for one invocation: auth, timeouts, CSRF, signing. `cache` lives as long
   * as the runtime, so sessions (a CSRF token and its cookies) outlive one invocation.
   */
  prepareTransport?(transport: Transport, params: ResolvedParams, connection: InvocationConnection): Transport;
}
