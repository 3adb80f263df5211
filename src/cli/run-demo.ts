import type { Connector } from '../connector/connector';
import { startDemoService, type DemoService } from '../demo/demo-service';
import { createRuntime } from '../runtime/runtime';
import type { CliIo } from './cli-io';

/** One sample invocation of `iflow demo`. `{v4}`, `{v2}` in params stand for the demo service's URLs. */
export interface DemoStep {
  readonly title: string;
  readonly connector: string;
  readonly operation: string;
  readonly params: Readonly<Record<string, string>>;
  readonly input?: string;
}

/** Starts the embedded demo service, runs each step against it, prints the results, stops the service. */
export async function runDemo(
  connectors: readonly Connector[],
  steps: readonly DemoStep[],
  io: CliIo
): Promise<number> {
  io.stderr('Starting the embedded demo OData service (SAP CAP, V4 + V2)...\n');
  const service = await startOrSay(io);
  if (service === undefined) return 1;
  io.stderr(`Demo service: ${service.v4Url} (V4), ${service.v2Url} (V2)\n\n`);
  const runtime = createRuntime(connectors);
  let failed = 0;
  try {
    for (const step of steps) {
      const params = Object.fromEntries(
        Object.entries(step.params).map(([k, v]) => [
          k,
          v.replace('{v4}', service.v4Url).replace('{v2}', service.v2Url)
        ])
      );
      const result = await runtime.invoke({
        connector: step.connector,
        operation: step.operation,
        params,
        ...(step.input === undefined ? {} : { input: step.input })
      });
      io.stdout(
        `=== ${step.title}\n=== iflow invoke ${step.connector} ${step.operation} → status ${result.status}\n${result.output}\n`
      );
      if (result.status !== 1) failed++;
    }
  } finally {
    await service.stop();
  }
  io.stderr(`${steps.length - failed} of ${steps.length} samples succeeded.\n`);
  return failed === 0 ? 0 : 1;
}

/**
 * `iflow demo --serve`: starts the demo service and keeps it up until Ctrl-C, printing its URLs and commands to
 * paste (`{v4}`, `{v2}` stand for the URLs), so the README's examples have something to talk to.
 */
export async function serveDemo(io: CliIo, commands: readonly string[]): Promise<number> {
  const service = await startOrSay(io);
  if (service === undefined) return 1;
  const fill = (text: string): string => text.replaceAll('{v4}', service.v4Url).replaceAll('{v2}', service.v2Url);
  io.stdout(
    [
      `Demo service running: ${service.v4Url} (OData V4), ${service.v2Url} (OData V2). Ctrl-C stops it.`,
      '',
      'Try, in another terminal:',
      ...commands.map(c => `  ${fill(c)}`),
      ''
    ].join('\n')
  );
  try {
    await new Promise<void>(resolve => {
      if (io.signal === undefined) return; // no way to be stopped but the process ending
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await service.stop();
  }
  io.stderr('Demo service stopped.\n');
  return 0;
}

/** Starts the demo service, or says on stderr why it could not. */
async function startOrSay(io: CliIo): Promise<DemoService | undefined> {
  try {
    return await startDemoService();
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return undefined;
  }
}
