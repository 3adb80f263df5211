import { createRuntime, type InvokeResult, type Runtime } from '../../../src/index';
import { createAxiosTransport } from '../../../src/transport/axios-transport';
import type { HttpRequest } from '../../../src/sdk';
import { odataV4 } from '../index';

/** A network runtime over the odata-v4 connector that keeps every request it sends (for "nothing was sent" checks). */
export function liveRuntime(): {
  runtime: Runtime;
  requests: HttpRequest[];
  invoke: (operation: string, params: Record<string, string>, input?: string) => Promise<InvokeResult>;
} {
  const requests: HttpRequest[] = [];
  const network = createAxiosTransport();
  const runtime = createRuntime([odataV4], {
    transport: { send: request => (requests.push(request), network.send(request)) }
  });
  return {
    runtime,
    requests,
    invoke: (operation, params, input) =>
      runtime.invoke({ connector: 'odata-v4', operation, params, ...(input === undefined ? {} : { input }) })
  };
}

/** Restores the demo service's seed data (its Reset action). */
export async function resetDemo(v4Url: string): Promise<void> {
  const response = await fetch(`${v4Url}Reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}'
  });
  if (!response.ok) throw new Error(`Reset failed: ${response.status}`);
}
