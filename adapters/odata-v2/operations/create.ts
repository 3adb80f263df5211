import { defineOperation, writeEntityResponse, type EntityOutcome } from '../../../src/sdk';
import { absentAsNullParam, resourcePathParam, stringParam } from '../service/params';
import { loadModel } from '../service/service-client';
import {
  bindEnvelope,
  entityBody,
  readEntityEnvelope,
  resolveWritePath,
  sendWrites,
  type EntityEnvelope
} from './entity-writes';

interface CreateInput {
  readonly envelope: EntityEnvelope;
  readonly resourcePath?: string;
  readonly absentAsNull: boolean;
}

/** Create (POST): one request per entity element; deep insert (1:1, 1:N, nested) and `<link>` references. */
export const createOperation = defineOperation<CreateInput, EntityOutcome[]>({
  description:
    'Create (POST): <EntitySet><EntityType>…</EntityType></EntitySet>, with deep insert of nested navigations and <link> references to existing entities; one POST per entity element',
  envelope: 'required',
  params: {
    ...resourcePathParam,
    ...absentAsNullParam
  },
  read(envelope, params) {
    const resourcePath = stringParam(params, 'resourcePath');
    return {
      envelope: readEntityEnvelope(envelope, 'Create'),
      absentAsNull: params['absentAsNull'] !== false,
      ...(resourcePath === undefined ? {} : { resourcePath })
    };
  },
  async execute(input, ctx) {
    const model = await loadModel(ctx);
    const path = resolveWritePath(model, input.resourcePath, input.envelope);
    const entities = bindEnvelope(model, input.envelope, path.entitySet);
    return sendWrites(
      ctx,
      model,
      entities.map(entity => ({
        method: 'POST',
        path: path.encoded,
        entity,
        entitySet: path.entitySet,
        body: entityBody(ctx, model, entity, input.absentAsNull, path.parentForeignKeys)
      }))
    );
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});
