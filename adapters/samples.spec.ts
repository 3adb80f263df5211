import { parseXml } from '../src/envelope/parse-xml';
import { sampleEnvelope } from './demo-steps';
import { allConnectors } from './index';

// `iflow help <connector> <operation>` shows these: every operation that needs an envelope has one that reads.
const operations = allConnectors.flatMap(c =>
  Object.entries(c.operations).map(([name, op]) => ({ connector: c.name, name, op }))
);

describe('sample envelopes', () => {
  it.each(operations.filter(o => o.op.envelope === 'required').map(o => [`${o.connector} ${o.name}`, o]))(
    '%s has one',
    (_, { connector, name }) => {
      expect(sampleEnvelope(connector, name)).toBeDefined();
    }
  );

  it.each(operations.map(o => [`${o.connector} ${o.name}`, o]))(
    '%s: a sample is well-formed with an accepted root',
    (_, o) => {
      const sample = sampleEnvelope(o.connector, o.name);
      if (sample === undefined) return expect(o.op.envelope).not.toBe('required');
      expect(o.op.envelope).not.toBe('none');
      const root = parseXml(sample);
      if (o.op.roots !== undefined) expect(o.op.roots).toContain(root.name);
    }
  );
});
