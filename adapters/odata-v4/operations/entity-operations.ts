import {
  ConnectorError,
  defineOperation,
  writeEntityResponse,
  type EntityOutcome,
  type HttpMethod,
  type Operation,
  type ResolvedParams
} from '../../../src/sdk';
import { optionalParam } from '../params';
import { readEntityElements, type EnvelopeEntity } from '../request/entity-envelope';
import { entitySetType, serviceOf } from './support';
import { executeWrites, type WriteInput } from './write-entities';

type Kind = 'Create' | 'Update' | 'Delete';

function methodOf(kind: Kind, params: ResolvedParams): HttpMethod {
  if (kind === 'Create') return 'POST';
  if (kind === 'Delete') return 'DELETE';
  return params['updateMethod'] === 'PUT' ? 'PUT' : 'PATCH';
}

/**
 * CreateEntity (POST Set), UpdateEntity (PATCH, or PUT with updateMethod=PUT, to Set(key)) and DeleteEntity
 * (DELETE Set(key)) from `<Request><Entity entitySet qualifiedName><Property name value type isId/>…`.
 * The key comes from the isId properties or the entityId parameter; the ETag from `<Entity etag>` or the
 * etag parameter. DeleteEntity needs no envelope when entitySet and entityId are given.
 */
export function entityWriteOperation(kind: Kind): Operation {
  return defineOperation<WriteInput, EntityOutcome[]>({
    description: `${kind}s entities of an entity set (one request per <Entity>)`,
    envelope: kind === 'Delete' ? 'optional' : 'required',
    roots: ['Request'],
    read(envelope, params) {
      const entities: EnvelopeEntity[] =
        envelope === undefined ? [{ properties: [], path: 'Entity[1]' }] : readEntityElements(envelope, 'Entity');
      const entitySetParam = optionalParam(params, 'entitySet');
      const entityId = optionalParam(params, 'entityId');
      const etag = optionalParam(params, 'etag');
      return {
        method: methodOf(kind, params),
        entities,
        target: (model, root, entity) => {
          const entitySet = entity.entitySet ?? entitySetParam;
          if (entitySet === undefined) throw missingEntitySet(entity);
          return {
            method: methodOf(kind, params),
            root,
            entitySet,
            type: entitySetType(model, entitySet),
            keyed: kind !== 'Create',
            ...(entityId === undefined ? {} : { entityId }),
            ...(etag === undefined || kind === 'Create' ? {} : { etag })
          };
        }
      };
    },
    async execute(input, ctx) {
      const { root, model } = await serviceOf(ctx);
      return executeWrites(input, ctx, model, root);
    },
    write: (outcomes, w) => writeEntityResponse(w, outcomes)
  });
}

function missingEntitySet(entity: EnvelopeEntity): ConnectorError {
  return new ConnectorError(
    'PARAMETER_MISSING',
    `${entity.path}: no entity set; give <Entity entitySet="…"> or the parameter entitySet`,
    { target: `${entity.path}/@entitySet` }
  );
}
