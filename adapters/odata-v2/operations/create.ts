import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-payload';
import { absentAsNullParam, resourcePathParam, v2Operations } from '../params';
import { v2Service } from './v2-service';
import { entityWriteOperation, resolveWritePath, sendWrites } from './entity-writes';
import { entityBody } from './entity-body';

export const createOperation = v2Operations.define({
  description:
    'Create (POST): <EntitySet><EntityType>…</EntityType></EntitySet>, with deep insert of nested navigations and <link> references to existing entities; one POST per entity element',
  envelope: 'required',
  params: { ...resourcePathParam, ...absentAsNullParam },
  ...entityWriteOperation,
  read: envelope => readEntityEnvelope(envelope, 'Create'),
  *plan(envelope, ctx) {
    const service = v2Service(ctx);
    const path = resolveWritePath(service.model, ctx.params.resourcePath, envelope);
    const writes = bindEnvelope(service.model, envelope, path.entitySet).map(entity => ({
      method: 'POST' as const,
      path: path.encoded,
      entity,
      entitySet: path.entitySet,
      body: entityBody(service, entity, ctx.params.absentAsNull, path.parentForeignKeys)
    }));
    return yield* sendWrites(service, writes);
  }
});
