import fs from 'node:fs';
import path from 'node:path';
import type { Connector } from '../../connector/connector';
import { parseXml } from '../../envelope/parse-xml';
import type { XmlElement } from '../../envelope/xml-element';
import { createMemoryCache } from '../../runtime/memory-cache';
import { createRuntime } from '../../runtime/runtime';
import { findFixtureCases, type FixtureCase } from '../../testing/fixture-case';
import { createFixtureTransport } from '../../transport/fixture-transport';
import { createRedactingTransport } from './redacting-transport';

const SECRET_ELEMENT = /password|secret|token/i;

/**
 * The secrets of a fixture case: values of the connector's secret parameters, texts of envelope elements
 * named like a password/secret/token, and any listed in case.json under `"secrets"`.
 */
export function secretsOfCase(connectors: readonly Connector[], c: FixtureCase): string[] {
  const connector = connectors.find(k => k.name === c.spec.connector);
  const op = connector === undefined ? undefined : Object.entries(connector.operations).find(([n]) => n.toLowerCase() === c.spec.operation.toLowerCase())?.[1];
  const specs = { ...connector?.params, ...op?.params };
  const fromParams = Object.entries(c.spec.params ?? {}).filter(([k]) => specs[k]?.secret === true).map(([, v]) => v);
  const fromEnvelope: string[] = [];
  const walk = (e: XmlElement): void => {
    if (SECRET_ELEMENT.test(e.name) && e.children.length === 0 && (e.text ?? '').trim() !== '') fromEnvelope.push((e.text ?? '').trim());
    e.children.forEach(walk);
  };
  if (c.input !== undefined && c.input.trim() !== '') {
    try {
      walk(parseXml(c.input));
    } catch {
      // a malformed envelope is itself the case under test
    }
  }
  const listed = (c.spec as { secrets?: string[] }).secrets ?? [];
  return [...fromParams, ...fromEnvelope, ...listed].filter(s => s.length >= 3);
}

/**
 * Like `describeFixtureCases`, for connectors whose requests carry secrets or per-call nonces: the live
 * request is redacted ('***') before matching the recorded one. Also asserts that no secret appears in the
 * output or in the recorded exchanges.
 */
export function describeRedactedFixtureCases(connectors: readonly Connector[], root: string): void {
  const cases = findFixtureCases(root);
  describe(`recorded exchanges in ${path.relative(process.cwd(), root)}`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(`${path.relative(root, c.dir)}: ${c.spec.description}`, async () => {
        const secrets = secretsOfCase(connectors, c);
        const fixture = createFixtureTransport(c.exchanges);
        const runtime = createRuntime(connectors, {
          transport: createRedactingTransport(fixture, secrets),
          cache: createMemoryCache(),
          now: () => new Date(c.spec.now ?? '2026-01-01T00:00:00Z')
        });
        const { status, output } = await runtime.invoke({
          connector: c.spec.connector,
          operation: c.spec.operation,
          ...(c.spec.params === undefined ? {} : { params: c.spec.params }),
          ...(c.input === undefined ? {} : { input: c.input })
        });
        expect(fixture.unmatched).toEqual([]);
        // UPDATE_GOLDENS=1 writes expected.xml from this run; read every golden you write before committing it.
        if (process.env['UPDATE_GOLDENS'] === '1') fs.writeFileSync(path.join(c.dir, 'expected.xml'), output);
        else expect(output).toBe(c.expected);
        expect(status).toBe(c.spec.status);
        expect(fixture.unused()).toEqual([]);
        const recorded = fs.existsSync(path.join(c.dir, 'exchanges.json')) ? fs.readFileSync(path.join(c.dir, 'exchanges.json'), 'utf8') : '';
        for (const secret of secrets) {
          expect(output).not.toContain(secret);
          expect(recorded).not.toContain(secret);
        }
      });
    }
  });
}
