import type { Plan } from '../connector/plan';
import { headerOf, type HttpResponse } from '../transport/transport';
import type { ODataDialect } from './dialect';
import type { LosslessObject } from './lossless-json';
import { decodeJsonObject, jsonGet, sendChecked } from './service';

/** The If-Match header for an ETag (a value, or `*` to overwrite any version); none without one. */
export function ifMatch(etag: string | undefined): Record<string, string> {
  return etag === undefined ? {} : { 'if-match': etag };
}

/** The ETag of an entity as a response returned it: the one in its body (V4 `@odata.etag`, V2 `__metadata`), else the ETag header. */
export function etagOfEntity(
  dialect: ODataDialect,
  entity: LosslessObject | undefined,
  response: Pick<HttpResponse, 'headers'>
): string | undefined {
  return (entity === undefined ? undefined : dialect.etagOf(entity)) ?? headerOf(response, 'etag');
}

/**
 * etag=auto: reads the entity's current ETag before the write that needs it (a step of its own, so a dry run
 * shows it); `*` when the entity has none.
 */
export function* currentEtag(url: string, dialect: ODataDialect): Plan<string> {
  const request = jsonGet(url, dialect);
  const response = yield* sendChecked(request);
  return etagOfEntity(dialect, dialect.singleOf(decodeJsonObject(request, response)), response) ?? '*';
}
