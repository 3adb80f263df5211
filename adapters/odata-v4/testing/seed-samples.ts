import fs from 'node:fs';
import path from 'node:path';

// The X4 documentation's sample envelopes, unchanged: one copy in fixtures/samples, shared with `iflow demo`.
const sample = (file: string): string =>
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'samples', 'odata-v4', file), 'utf8');

/** The ReadEntitySet sample of the X4 documentation. */
export const SEED_QUERY_OPTIONS = sample('read-entity-set.xml');

/** The CreateEntity sample of the X4 documentation. */
export const SEED_PEOPLE_ENTITY = sample('create-entity.xml');

/** The ExecuteFunction sample of the X4 documentation. */
export const SEED_FUNCTION = sample('execute-function.xml');
