import {
  ConnectorError,
  type EdmModel,
  type EntityOutcome,
  envelopeError,
  headerOf,
  type HttpMethod,
  httpStatusError,
  ifMatch,
  isConnectorError,
  isSuccess,
  type Outcome,
  type Plan,
  send,
  writeEntityResponse,
  type XmlWriter
} from '../../../src/sdk';
import type { EntityEnvelope } from '../envelope/entity-envelope';
import { type EntityPayload } from '../envelope/entity-payload';
import { failOutcome, okOutcome } from '../output/entity-outcome';
import { resolveResourcePath, type ResolvedPath } from './resource-path';
import { decodeRecords } from './decode-records';
import type { EntityBody } from './entity-body';
import type { EntityRecord } from '../output/entity-record';
import { serviceRequest, v2Model, type V2Service } from './v2-service';

/** What the entity write operations share: the model, and OKEntities/FailEntities as the answer. */
export const entityWriteOperation = {
  model: v2Model,
  write(outcomes: readonly EntityOutcome[], w: XmlWriter): void {
    writeEntityResponse(w, outcomes);
  }
};

export function resolveWritePath(
  model: EdmModel,
  resourcePath: string | undefined,
  envelope: EntityEnvelope
): ResolvedPath {
  const path = resolveResourcePath(model, resourcePath ?? envelope.entitySet);
  if (path.entitySet !== envelope.entitySet) {
    throw envelopeError(
      `The envelope root is <${envelope.entitySet}>, but resourcePath "${resourcePath ?? ''}" addresses the entity set ${path.entitySet}`,
      envelope.entitySet
    );
  }
  return path;
}

/** A resourcePath that must address one entity (Delete, keyed Update); PARAMETER_INVALID when it does not. */
export function entityAtPath(
  model: EdmModel,
  resourcePath: string,
  envelope: EntityEnvelope | undefined,
  operation: string
): ResolvedPath {
  const path =
    envelope === undefined ? resolveResourcePath(model, resourcePath) : resolveWritePath(model, resourcePath, envelope);
  if (path.collection || path.count)
    throw new ConnectorError(
      'PARAMETER_INVALID',
      `resourcePath "${resourcePath}" does not address one entity; ${operation} needs its key, e.g. ${path.entitySet}(1)`,
      { target: 'resourcePath' }
    );
  return path;
}

export function answeredEntity(
  service: V2Service,
  entity: EntityPayload | undefined,
  body: string
): EntityRecord | undefined {
  if (body.trim() === '') return undefined;
  return decodeRecords(service.model, body, entity?.type, service.format).records[0];
}

export interface EntityWrite {
  readonly method: HttpMethod;
  readonly path: string;
  readonly entity: EntityPayload | undefined;
  readonly entitySet: string;
  readonly body?: EntityBody;
  /** If-Match: the etag parameter, else the entity element's etag attribute. */
  readonly etag?: string | undefined;
}

/** One after another; a failure does not stop the rest, so nothing done is lost. Status -1 when any failed. */
export function* sendWrites(service: V2Service, writes: readonly EntityWrite[]): Plan<Outcome<EntityOutcome[]>> {
  const { model } = service;
  const outcomes: EntityOutcome[] = [];
  for (const write of writes) {
    const headers = {
      ...(write.body === undefined ? {} : { 'content-type': write.body.contentType }),
      ...ifMatch(write.etag)
    };
    const request = serviceRequest(service, write.method, write.path, headers, write.body?.body);
    try {
      const response = yield* send(request);
      if (!isSuccess(response.status)) {
        outcomes.push(failOutcome(model, write.entitySet, write.entity, httpStatusError(request, response)));
        continue;
      }
      const answered = write.method === 'DELETE' ? undefined : answeredEntity(service, write.entity, response.body);
      outcomes.push(
        okOutcome(model, write.entitySet, answered, write.entity, response.status, headerOf(response, 'etag'))
      );
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      outcomes.push(failOutcome(model, write.entitySet, write.entity, error));
    }
  }
  return { status: outcomes.every(o => o.ok) ? 1 : -1, output: outcomes };
}

/** V2 has no deep update: nested entities are refused, not dropped. */
export function refuseDeep(entity: EntityPayload, operation: string): void {
  const nav = entity.navigations[0];
  if (nav !== undefined)
    throw envelopeError(
      `${entity.path}/${nav.name}: ${operation} cannot write nested entities (OData V2 has no deep update); use <link> to relate existing entities, or Batch`,
      `${entity.path}/${nav.name}`
    );
}
