import fs from 'node:fs';
import path from 'node:path';
import type { Connector } from '../connector/connector';
import { createMemoryCache } from '../runtime/memory-cache';
import { createRuntime } from '../runtime/runtime';
import { createFixtureTransport } from '../transport/fixture-transport';
import type { HttpRequest, Transport } from '../transport/transport';
import { secretsOfCase } from './case-secrets';
import { findFixtureCases, fixtureNonces, type FixtureCase } from './fixture-case';
import { createRedactingTransport } from './redacting-transport';

/** What a connector's replay spec adds to the replay of its cases. */
export interface FixtureReplayOptions {
  /**
   * For a case, a check of each request as the vendor would make it (a signature verifier independent of the
   * connector's signer), run on the request before redaction; returns the problem. Since every request must
   * match its recording, a signer regression fails here even after the fixtures were re-recorded with it.
   */
  readonly verifyRequest?: (c: FixtureCase) => (request: HttpRequest) => string | undefined;
}

/**
 * Registers one jest test per case folder below `root`: the case is invoked with the network locked,
 * answered only from its recorded exchanges; the status and output must equal the golden files, every
 * request must match a recording, every recording must be used, and no secret of the case may appear in
 * the output or the recordings. `UPDATE_GOLDENS=1` rewrites expected.xml instead (read what it wrote).
 */
export function describeFixtureCases(
  connectors: readonly Connector[],
  root: string,
  options: FixtureReplayOptions = {}
): void {
  const cases = findFixtureCases(root);
  describe(`recorded exchanges in ${path.relative(process.cwd(), root)}`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(`${path.relative(root, c.dir)}: ${c.spec.description}`, async () => {
        const { status, output, unmatched, unused, rejected } = await replayFixtureCase(connectors, c, options);
        expect(unmatched).toEqual([]);
        expect(rejected).toEqual([]);
        if (process.env['UPDATE_GOLDENS'] === '1') fs.writeFileSync(path.join(c.dir, 'expected.xml'), output);
        else expect(output).toBe(c.expected);
        expect(status).toBe(c.spec.status);
        expect(unused).toEqual([]);
        const recorded = JSON.stringify(c.exchanges);
        for (const secret of secretsOfCase(connectors, c)) {
          expect(output).not.toContain(secret);
          expect(recorded).not.toContain(secret);
        }
      });
    }
  });
}

/**
 * Invokes one case against its recordings. Recordings hold '***' where a secret was, so the live request
 * is redacted the same way before it is matched.
 */
export async function replayFixtureCase(
  connectors: readonly Connector[],
  c: FixtureCase,
  options: FixtureReplayOptions = {}
): Promise<{ status: number; output: string; unmatched: readonly string[]; unused: string[]; rejected: string[] }> {
  const fixture = createFixtureTransport(c.exchanges);
  const redacting = createRedactingTransport(fixture, secretsOfCase(connectors, c));
  const verify = options.verifyRequest?.(c);
  const rejected: string[] = [];
  const transport: Transport = {
    send(request) {
      const problem = verify?.(request);
      if (problem !== undefined) rejected.push(`${request.method} ${request.url}: ${problem}`);
      return redacting.send(request);
    }
  };
  const runtime = createRuntime(connectors, {
    transport,
    cache: createMemoryCache(),
    now: () => new Date(c.spec.now ?? '2026-01-01T00:00:00Z'),
    nonce: fixtureNonces()
  });
  const result = await runtime.invoke({
    connector: c.spec.connector,
    operation: c.spec.operation,
    ...(c.spec.params === undefined ? {} : { params: c.spec.params }),
    ...(c.input === undefined ? {} : { input: c.input })
  });
  return { ...result, unmatched: fixture.unmatched, unused: fixture.unused(), rejected };
}
