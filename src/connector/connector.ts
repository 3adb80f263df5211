import type { XmlElement } from '../envelope/xml-element';
import type { XmlWriter } from '../output/xml-writer';
import type { Transport } from '../transport/transport';
import type { ParamSpecs, ResolvedParams } from './param-spec';

/** X4 status values: 1 = done, output produced; -1 = failed, reason in the output. */
export type Status = 1 | -1;

/** What `execute` hands to `write`, with the status the invocation ends with. */
export interface Outcome<Output> {
  readonly status: Status;
  readonly output: Output;
}

/** Diagnostic messages; the runtime redacts secrets before they reach the sink. */
export type Logger = (level: 'debug' | 'info' | 'warn', message: string) => void;

/** Memoises values (e.g. `$metadata`) for the lifetime of a runtime; keyed by the caller. */
export interface RuntimeCache {
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  delete(key: string): void;
}

/** Everything `execute` may use. The transport already applies the connector's auth, timeout and signing. */
export interface OperationContext {
  readonly params: ResolvedParams;
  readonly transport: Transport;
  readonly cache: RuntimeCache;
  readonly log: Logger;
  /** Injected clock, so request signing and timestamps are reproducible in tests. */
  readonly now: () => Date;
  /** Injected source of request nonces (signing), so signed requests are reproducible in tests; random when absent. */
  readonly nonce?: () => string;
  /** Registers values found in the input that must never be shown (a password inside an envelope). */
  readonly addSecrets: (values: readonly string[]) => void;
}

/**
 * One operation, as the three steps around I/O: `read` (pure: envelope → typed input), `execute`
 * (encode → send → decode; the only step that does I/O, through `ctx.transport`) and `write`
 * (pure: result model → XML).
 */
export interface OperationDefinition<Input, Output> {
  readonly description: string;
  /** Operation-specific parameters, merged over the connector-wide ones. */
  readonly params?: ParamSpecs;
  /** 'none': any envelope is ignored; 'required': a missing envelope is ENVELOPE_INVALID. */
  readonly envelope: 'none' | 'optional' | 'required';
  /** Accepted root element names (checked before `read`); any root when absent. */
  readonly roots?: readonly string[];
  read(envelope: XmlElement | undefined, params: ResolvedParams): Input;
  execute(input: Input, ctx: OperationContext): Promise<Outcome<Output>>;
  write(output: Output, w: XmlWriter): void;
}

/** An operation with its types erased, as it sits in a connector's table. */
export interface Operation {
  readonly description: string;
  readonly params: ParamSpecs;
  readonly envelope: 'none' | 'optional' | 'required';
  readonly roots: readonly string[] | undefined;
  run(
    envelope: XmlElement | undefined,
    ctx: OperationContext
  ): Promise<{ readonly status: Status; write(w: XmlWriter): void }>;
}

/** Erases an operation's types so operations with different inputs share one table. */
export function defineOperation<Input, Output>(definition: OperationDefinition<Input, Output>): Operation {
  return {
    description: definition.description,
    params: definition.params ?? {},
    envelope: definition.envelope,
    roots: definition.roots,
    async run(envelope, ctx) {
      const input = definition.read(envelope, ctx.params);
      const outcome = await definition.execute(input, ctx);
      return { status: outcome.status, write: w => definition.write(outcome.output, w) };
    }
  };
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
  prepareTransport?(transport: Transport, params: ResolvedParams, cache: RuntimeCache): Transport;
  /** Values among the resolved parameters that must never be shown (beyond `secret` params). */
  secrets?(params: ResolvedParams): string[];
}
