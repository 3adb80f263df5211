// The composition root: the bundled connectors, and a runtime over them. `src/` never imports from here.
import {
  createRuntime,
  type InvokeRequest,
  type InvokeResult,
  type Runtime,
  type RuntimeOptions,
  type StreamedInvocation
} from '../src/index';
import type { Connector } from '../src/sdk';
import { dataworks } from './dataworks';
import { hdp } from './hdp';
import { mrs } from './mrs';
import { odataV2 } from './odata-v2';
import { odataV4 } from './odata-v4';

export * from '../src/index';
export { dataworks, hdp, mrs, odataV2, odataV4 };

/** Every connector this package ships, in the order `iflow list` shows them. */
export const allConnectors: readonly Connector[] = [odataV4, odataV2, hdp, mrs, dataworks];

let defaultRuntime: Runtime | undefined;

/** Creates a runtime over the bundled connectors (custom transport, cache, logger, clock). */
export function createDefaultRuntime(options: RuntimeOptions = {}): Runtime {
  return createRuntime(allConnectors, options);
}

/**
 * Invokes one operation of a bundled connector over the network. Never throws for bad input or a
 * failing service: the result has status -1 and the reason in its XML.
 */
export function invoke(request: InvokeRequest): Promise<InvokeResult> {
  defaultRuntime ??= createDefaultRuntime();
  return defaultRuntime.invoke(request);
}

/** {@link invoke}, with the result handed over as chunks while it is written (`for await`), then its status. */
export function stream(request: Omit<InvokeRequest, 'output'>): StreamedInvocation {
  defaultRuntime ??= createDefaultRuntime();
  return defaultRuntime.stream(request);
}
