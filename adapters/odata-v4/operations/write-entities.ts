import {
  ConnectorError,
  headerOf,
  httpStatusError,
  isSuccess,
  type EdmModel,
  type EntityOutcome,
  type HttpMethod,
  type OperationContext,
  type Outcome
} from '../../../src/sdk';
import { decodeJsonObject, jsonGet } from '../request/http';
import type { EnvelopeEntity } from '../request/entity-envelope';
import { prepareWrite, type PreparedWrite, type WriteTarget } from '../request/write-request';
import { entityProperties, etagOf } from '../response/entity-properties';

/** Input of every entity/singleton write: the envelope entities and where they go. */
export interface WriteInput {
  readonly method: HttpMethod;
  readonly entities: readonly EnvelopeEntity[];
  /** Resolves each entity's target (entity set or singleton) against the model; may throw MODEL_MISMATCH. */
  readonly target: (model: EdmModel, root: string, entity: EnvelopeEntity) => WriteTarget;
}

/**
 * Checks every entity against `$metadata` first (so a bad envelope sends nothing), then sends them one by
 * one. Each becomes `<OKEntities>` (the entity as the service returned it, or as sent when it returned
 * none) or `<FailEntities>` (as sent, with the error). Status -1 when any failed; after a transport
 * failure (timeout, unreachable) the rest are reported as not sent.
 */
export async function executeWrites(
  input: WriteInput,
  ctx: OperationContext,
  model: EdmModel,
  root: string
): Promise<Outcome<EntityOutcome[]>> {
  const prepared = input.entities.map(entity => prepareWrite(model, input.target(model, root, entity), entity));
  const outcomes: EntityOutcome[] = [];
  let unreachable: ConnectorError | undefined;
  for (const write of prepared) {
    const base = { entitySet: write.entitySet, qualifiedName: write.type.qualifiedName };
    if (unreachable !== undefined) {
      const error = new ConnectorError(
        unreachable.code,
        `Not sent: an earlier request failed (${unreachable.message})`,
        { target: write.request.url }
      );
      outcomes.push({ ...base, ok: false, properties: write.sent, error });
      continue;
    }
    try {
      outcomes.push({ ...base, ...(await sendWrite(ctx, model, write)) });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (error.code === 'TIMEOUT' || error.code === 'TRANSPORT') unreachable = error;
      outcomes.push({ ...base, ok: false, properties: write.sent, error });
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}

async function sendWrite(
  ctx: OperationContext,
  model: EdmModel,
  write: PreparedWrite
): Promise<Omit<EntityOutcome, 'entitySet' | 'qualifiedName'>> {
  let request = write.request;
  if (write.etag === 'auto' && request.headers?.['if-match'] === undefined) {
    request = { ...request, headers: { ...request.headers, 'if-match': await currentEtag(ctx, request.url) } };
  }
  const response = await ctx.transport.send(request);
  if (!isSuccess(response.status))
    return { ok: false, properties: write.sent, error: httpStatusError(request, response) };
  const etagHeader = headerOf(response, 'etag');
  if (request.method === 'DELETE' || response.body.trim() === '') {
    return { ok: true, properties: write.sent, ...(etagHeader === undefined ? {} : { etag: etagHeader }) };
  }
  const json = decodeJsonObject(request, response);
  const etag = etagOf(json, etagHeader);
  return { ok: true, properties: entityProperties(model, write.type, json), ...(etag === undefined ? {} : { etag }) };
}

/** Reads the entity's current ETag (etag=auto): the ETag header or `@odata.etag`; '*' when it has none. */
async function currentEtag(ctx: OperationContext, url: string): Promise<string> {
  const request = jsonGet(url);
  const response = await ctx.transport.send(request);
  if (!isSuccess(response.status)) throw httpStatusError(request, response);
  return etagOf(decodeJsonObject(request, response), headerOf(response, 'etag')) ?? '*';
}
