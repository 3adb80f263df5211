import fs from 'node:fs';
import path from 'node:path';
import type { Connector } from '../connector/connector';
import { createMemoryCache } from '../runtime/memory-cache';
import { createRuntime } from '../runtime/runtime';
import { createAxiosTransport } from '../transport/axios-transport';
import { createRecordingTransport } from '../transport/recording-transport';
import { secretsOfCase } from './case-secrets';
import { FIXTURE_HOST, findFixtureCases, fixtureNonces } from './fixture-case';

/**
 * Re-records every case below `root` whose case.json says `"recordedFrom": "demo"`: the case runs against
 * the live demo service (its params name FIXTURE_HOST, swapped for the live base URL), and exchanges.json
 * and expected.xml are rewritten with the live URL turned back into FIXTURE_HOST and secrets redacted.
 * @returns The case folders written.
 */
export async function recordFixtureCases(
  connectors: readonly Connector[],
  root: string,
  liveBaseUrl: string
): Promise<string[]> {
  const written: string[] = [];
  for (const c of findFixtureCases(root)) {
    if (c.spec.recordedFrom !== 'demo') continue;
    const live = liveBaseUrl.replace(/\/$/, '');
    const params = Object.fromEntries(
      Object.entries(c.spec.params ?? {}).map(([k, v]) => [k, v.split(FIXTURE_HOST).join(live)])
    );
    const secrets = secretsOfCase(connectors, c);
    // The service may name itself by host name in absolute URLs (CAP's V2 adapter says localhost).
    const aliases: Array<[string, string]> = [
      [live, FIXTURE_HOST],
      [live.replace('//127.0.0.1:', '//localhost:'), FIXTURE_HOST]
    ];
    const transport = createRecordingTransport(createAxiosTransport(), { rewrite: aliases, secrets });
    const runtime = createRuntime(connectors, {
      transport,
      cache: createMemoryCache(),
      now: () => new Date(c.spec.now ?? '2026-01-01T00:00:00Z'),
      nonce: fixtureNonces()
    });
    const result = await runtime.invoke({
      connector: c.spec.connector,
      operation: c.spec.operation,
      params,
      ...(c.input === undefined ? {} : { input: c.input })
    });
    const output = aliases.reduce((text, [from, to]) => text.split(from).join(to), result.output);
    fs.writeFileSync(path.join(c.dir, 'exchanges.json'), `${JSON.stringify(transport.exchanges(), null, 2)}\n`);
    fs.writeFileSync(path.join(c.dir, 'expected.xml'), output);
    if (result.status !== c.spec.status) {
      throw new Error(`${c.dir}: recorded status ${result.status}, case.json expects ${c.spec.status}:\n${output}`);
    }
    written.push(c.dir);
  }
  return written;
}
