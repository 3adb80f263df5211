import { createConnectorTable, type ConnectorTable } from '../connector/connector-table';
import type { Connector, Logger, RuntimeCache, Status } from '../connector/connector';
import { resolveParams, secretValues, type ResolvedParams } from '../connector/param-spec';
import { parseXml } from '../envelope/parse-xml';
import { writtenAttributeNames, type XmlElement } from '../envelope/xml-element';
import { ConnectorError, envelopeError } from '../errors/connector-error';
import { writeError } from '../output/error-xml';
import { XmlWriter } from '../output/xml-writer';
import { createAxiosTransport } from '../transport/axios-transport';
import { loggingMiddleware } from '../transport/logging-middleware';
import { composeTransport } from '../transport/middleware';
import { createDryRunTransport, formatRequest, type DryRunRequest } from '../transport/dry-run-transport';
import { headerSecrets, redactSecrets } from '../transport/redact';
import type { Transport } from '../transport/transport';
import { createMemoryCache } from './memory-cache';

/** One call from the ESB. */
export interface InvokeRequest {
  readonly connector: string;
  readonly operation: string;
  /** Parameters as the ESB hands them over (strings), or typed values. */
  readonly params?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The XML request envelope, if the operation takes one. */
  readonly input?: string;
}

/** The answer: status 1 with the result XML, or -1 with the reason (and whatever was done) in the XML. */
export interface InvokeResult {
  readonly status: Status;
  readonly output: string;
  /**
   * With `dryRun`: every request the invocation made (`sent`: the read-only `$metadata` reads) or would
   * have made, as HTTP text, secrets redacted.
   */
  readonly requests?: ReadonlyArray<{ readonly sent: boolean; readonly text: string }>;
}

/** How a runtime sends and remembers. All optional: the defaults talk to the network. */
export interface RuntimeOptions {
  readonly transport?: Transport;
  readonly cache?: RuntimeCache;
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Nonces for request signing (tests pin them so recordings can assert exact signatures); random by default. */
  readonly nonce?: () => string;
  /**
   * Send nothing that could change anything: `$metadata` reads go out (to type and check the request),
   * every other request is answered with an empty 204 and listed in {@link InvokeResult.requests}.
   */
  readonly dryRun?: boolean;
}

/** A set of connectors ready to be invoked. */
export interface Runtime {
  readonly table: ConnectorTable;
  /** Never throws for bad input or remote failure: those come back as status -1. */
  invoke(request: InvokeRequest): Promise<InvokeResult>;
}

/** Creates a runtime over the given connectors. */
export function createRuntime(
  connectors: readonly Connector[] | ConnectorTable,
  options: RuntimeOptions = {}
): Runtime {
  const table = 'operation' in connectors ? connectors : createConnectorTable(connectors);
  const transport = options.transport ?? createAxiosTransport();
  const cache = options.cache ?? createMemoryCache();
  const now = options.now ?? (() => new Date());

  async function invoke(request: InvokeRequest): Promise<InvokeResult> {
    let secrets: string[] = [];
    const seen: DryRunRequest[] = [];
    const base = options.dryRun === true ? createDryRunTransport(transport, seen) : transport;
    // Whatever credential a middleware put on the wire (Basic, Bearer, signature, CSRF session) is redacted too.
    const harvested = composeTransport(base, (r, next) => {
      secrets.push(...headerSecrets(r.headers));
      return next(r);
    });
    const finish = (status: Status, output: string): InvokeResult => ({
      status,
      output: redactSecrets(output, secrets),
      ...(options.dryRun === true
        ? { requests: seen.map(r => ({ sent: r.sent, text: redactSecrets(formatRequest(r), secrets) })) }
        : {})
    });
    try {
      const { connector, operation, params: specs } = table.operation(request.connector, request.operation);
      const given = Object.fromEntries(Object.entries(request.params ?? {}).filter(([, v]) => v !== undefined));
      // Secret values are known before validation, so even a validation message cannot leak them.
      secrets = Object.entries(specs)
        .filter(([n, s]) => s.secret === true && typeof given[n] === 'string')
        .map(([n]) => String(given[n]));
      const params: ResolvedParams = resolveParams(specs, given);
      secrets = [...secretValues(specs, params), ...(connector.secrets?.(params) ?? [])];
      const envelope = readEnvelope(request.input, operation.envelope, operation.roots, request.operation);
      const log: Logger = (level, message) => options.log?.(level, redactSecrets(message, secrets));
      const logged = options.log === undefined ? harvested : composeTransport(harvested, loggingMiddleware(log));
      const sendVia = connector.prepareTransport?.(logged, params, cache) ?? logged;
      const addSecrets = (values: readonly string[]): void => void secrets.push(...values);
      const result = await operation.run(envelope, {
        params,
        transport: sendVia,
        cache,
        log,
        now,
        addSecrets,
        ...(options.nonce === undefined ? {} : { nonce: options.nonce })
      });
      const w = new XmlWriter();
      w.declaration();
      result.write(w);
      return finish(result.status, w.toString());
    } catch (error) {
      return finish(-1, renderFailure(error));
    }
  }

  return { table, invoke };
}

function readEnvelope(
  input: string | undefined,
  mode: 'none' | 'optional' | 'required',
  roots: readonly string[] | undefined,
  operation: string
): XmlElement | undefined {
  if (input === undefined || input.trim() === '') {
    if (mode === 'required')
      throw envelopeError(
        `This operation needs an input envelope${roots === undefined ? '' : ` <${roots.join('> or <')}>`}`
      );
    return undefined;
  }
  const root = parseXml(input);
  // An empty root is what an ESB hands over when there is nothing to say; content would be silently ignored.
  const empty =
    root.children.length === 0 && (root.text ?? '').trim() === '' && writtenAttributeNames(root).length === 0;
  if (mode === 'none') {
    if (!empty)
      throw envelopeError(
        `${operation} takes no input envelope (its parameters say what to do); found <${root.name}> with content, which would be ignored`,
        root.name
      );
    return undefined;
  }
  if (mode === 'optional' && empty && roots !== undefined && !roots.includes(root.name)) return undefined;
  if (roots !== undefined && !roots.includes(root.name)) {
    throw envelopeError(`The envelope's root element is <${root.name}>; expected <${roots.join('> or <')}>`, root.name);
  }
  return root;
}

function renderFailure(error: unknown): string {
  const failure =
    error instanceof ConnectorError
      ? error
      : new ConnectorError(
          'INTERNAL',
          `Internal error: ${error instanceof Error ? error.message : String(error)}`,
          {},
          { cause: error }
        );
  const w = new XmlWriter();
  w.declaration();
  writeError(w, failure);
  return w.toString();
}
