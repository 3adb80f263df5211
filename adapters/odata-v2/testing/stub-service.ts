import fs from 'node:fs';
import path from 'node:path';
import type { HttpRequest, HttpResponse, Transport } from '../../../src/sdk';

/** Folder of the seed payloads and hand-written models. */
export const SEED_DIR = path.join(__dirname, '../../../fixtures/odata-v2/_seed');

/** Reads a file of fixtures/odata-v2/_seed. */
export function seedFile(name: string): string {
  return fs.readFileSync(path.join(SEED_DIR, name), 'utf8');
}

/** A transport standing in for an OData V2 service in unit specs: it answers `$metadata` and records every request. */
export interface StubService extends Transport {
  readonly requests: HttpRequest[];
  /** Parsed JSON bodies of the requests other than `$metadata` and CSRF fetches. */
  jsonBodies(): unknown[];
}

/**
 * Creates a stub: `$metadata` answers the given EDMX, a CSRF fetch answers a token, everything else goes
 * to `answer` (default: POST echoes the JSON body as the created entity with 201, other writes 204).
 */
export function createStubService(
  metadata: string,
  answer?: (request: HttpRequest) => HttpResponse | undefined
): StubService {
  const requests: HttpRequest[] = [];
  return {
    requests,
    jsonBodies: () =>
      requests
        .filter(r => typeof r.body === 'string' && /^[[{]/.test(r.body))
        .map(r => JSON.parse(String(r.body)) as unknown),
    async send(request) {
      requests.push(request);
      if (/\/\$metadata(\?|$)/.test(request.url))
        return { status: 200, headers: { 'content-type': 'application/xml' }, body: metadata };
      if (request.headers?.['x-csrf-token'] === 'Fetch')
        return { status: 200, headers: { 'x-csrf-token': 'stub-token' }, body: '' };
      const custom = answer?.(request);
      if (custom !== undefined) return custom;
      if (request.method === 'POST' && typeof request.body === 'string' && request.body.startsWith('{')) {
        return {
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ d: JSON.parse(request.body) as unknown })
        };
      }
      return { status: 204, headers: {}, body: '' };
    }
  };
}
