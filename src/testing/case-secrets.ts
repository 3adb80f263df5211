import type { Connector } from '../connector/connector';
import { parseXml } from '../envelope/parse-xml';
import type { XmlElement } from '../envelope/xml-element';
import type { FixtureCase } from './fixture-case';

import { CREDENTIAL_KEY } from '../transport/credential-key';

// The one credential-name pattern the runtime and the REST kit use, so recordings redact what they redact.
const SECRET_ELEMENT = CREDENTIAL_KEY;

/**
 * The secrets of a fixture case: values of the connector's secret parameters, texts of envelope elements
 * named like a credential (CREDENTIAL_KEY), and any listed in case.json under `"secrets"`.
 */
export function secretsOfCase(connectors: readonly Connector[], c: FixtureCase): string[] {
  const connector = connectors.find(k => k.name === c.spec.connector);
  const op =
    connector === undefined
      ? undefined
      : Object.entries(connector.operations).find(([n]) => n.toLowerCase() === c.spec.operation.toLowerCase())?.[1];
  const specs = { ...connector?.params, ...op?.params };
  const fromParams = Object.entries(c.spec.params ?? {})
    .filter(([k]) => specs[k]?.secret === true)
    .map(([, v]) => v);
  const fromEnvelope: string[] = [];
  const walk = (e: XmlElement): void => {
    if (SECRET_ELEMENT.test(e.name) && e.children.length === 0 && (e.text ?? '').trim() !== '')
      fromEnvelope.push((e.text ?? '').trim());
    e.children.forEach(walk);
  };
  if (c.input !== undefined && c.input.trim() !== '') {
    try {
      walk(parseXml(c.input));
    } catch {
      // a malformed envelope is itself the case under test
    }
  }
  return [...fromParams, ...fromEnvelope, ...(c.spec.secrets ?? [])].filter(s => s.length >= 3);
}
