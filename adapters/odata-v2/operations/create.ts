import { writeEntityResponse } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-envelope';
import { absentAsNullParam, resourcePathParam, v2Operations } from '../params';
import { v2Model, v2Service } from './v2-service';
import { entityBody, resolveWritePath, sendWrites } from './entity-writes';

/** Create (POST): one request per entity element; deep insert (1:1, 1:N, nested) and `<link>` references. */
export const createOperation = v2Operations.define({
  description:
    'Create (POST): <EntitySet><EntityType>…</EntityType></EntitySet>, with deep insert of nested navigations and <link> references to existing entities; one POST per entity element',
  envelope: 'required',
  params: { ...resourcePathParam, ...absentAsNullParam },
  model: v2Model,
  read(envelope) {
    return readEntityEnvelope(envelope, 'Create');
  },
  *plan(envelope, ctx) {
    const { params } = ctx;
    const service = v2Service(ctx);
    const path = resolveWritePath(service.model, params.resourcePath, envelope);
    const entities = bindEnvelope(service.model, envelope, path.entitySet);
    return yield* sendWrites(
      service,
      entities.map(entity => ({
        method: 'POST',
        path: path.encoded,
        entity,
        entitySet: path.entitySet,
        body: entityBody(service, entity, params.absentAsNull, path.parentForeignKeys)
      }))
    );
  },
  write(outcomes, w) {
    writeEntityResponse(w, outcomes);
  }
});
