import fs from 'node:fs';
import path from 'node:path';
import { parseMetadata, type EdmModel } from '../../../src/sdk';

/** The demo service's `$metadata` as recorded in fixtures/odata-v4/shared (for unit specs). */
export const DEMO_METADATA_XML = fs.readFileSync(
  path.join(__dirname, '../../../fixtures/odata-v4/shared/demo-metadata.xml'),
  'utf8'
);

/** The parsed demo model. */
export function demoModel(): EdmModel {
  return parseMetadata(DEMO_METADATA_XML);
}
