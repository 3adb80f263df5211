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
import { serviceOf, singletonType } from './support';
import { executeWrites, type WriteInput } from './write-entities';

type Kind = 'Create' | 'Update' | 'Delete';

/**
 * A singleton always exists once the service runs (V4 has no POST to a singleton), so CreateSingleton
 * replaces its content (PUT); UpdateSingleton patches it (PUT with updateMethod=PUT); DeleteSingleton sends
 * DELETE, which only a nullable singleton allows. The singleton is named by singletonId, else by
 * `<Singleton entitySet>`.
 */
function methodOf(kind: Kind, params: ResolvedParams): HttpMethod {
  if (kind === 'Create') return 'PUT';
  if (kind === 'Delete') return 'DELETE';
  return params['updateMethod'] === 'PUT' ? 'PUT' : 'PATCH';
}

/** Builds CreateSingleton, UpdateSingleton or DeleteSingleton. */
export function singletonWriteOperation(kind: Kind): Operation {
  return defineOperation<WriteInput, EntityOutcome[]>({
    description: `${kind}s a singleton (${kind === 'Create' ? 'PUT, singletons cannot be POSTed' : kind === 'Update' ? 'PATCH or PUT' : 'DELETE'})`,
    envelope: kind === 'Delete' ? 'optional' : 'required',
    roots: ['Request'],
    read(envelope, params) {
      const entities: EnvelopeEntity[] =
        envelope === undefined ? [{ properties: [], path: 'Singleton[1]' }] : readEntityElements(envelope, 'Singleton');
      const singletonParam = optionalParam(params, 'singletonId');
      const etag = optionalParam(params, 'etag');
      return {
        method: methodOf(kind, params),
        entities,
        target: (model, root, entity) => {
          if (singletonParam !== undefined && entity.entitySet !== undefined && entity.entitySet !== singletonParam) {
            throw new ConnectorError(
              'PARAMETER_INVALID',
              `${entity.path} names the singleton "${entity.entitySet}", the parameter singletonId "${singletonParam}"; give it one way`,
              { target: 'singletonId' }
            );
          }
          const name = singletonParam ?? entity.entitySet;
          if (name === undefined) {
            throw new ConnectorError(
              'PARAMETER_MISSING',
              `${kind}Singleton needs the parameter "singletonId" (or <Singleton entitySet="…">)`,
              { target: 'singletonId' }
            );
          }
          return {
            method: methodOf(kind, params),
            root,
            entitySet: name,
            type: singletonType(model, name),
            keyed: false,
            ...(etag === undefined ? {} : { etag })
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
