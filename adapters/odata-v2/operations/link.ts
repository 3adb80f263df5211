import { envelopeError, formatKeyPredicate, v2Dialect, XmlWriter, type Operation } from '../../../src/sdk';
import { bindEnvelope, readEntityEnvelope } from '../envelope/entity-payload';
import { v2Operations } from '../params';
import { v2Service } from './v2-service';
import { entityWriteOperation, sendWrites, type EntityWrite } from './entity-writes';
import { entityPath, linkUri } from './resource-path';

const DATA_SERVICES = 'http://schemas.microsoft.com/ado/2007/08/dataservices';

// `$links` (MS-ODATA 2.2.7.3.6), with the CPI reference-link payload; Unlink of a to-many one names the key.
export function linkOperation(kind: 'Link' | 'Unlink'): Operation {
  return v2Operations.define({
    description: `${kind}: <Products><Product><ID>1</ID><link><Category><Category><ID>2</ID></Category></Category></link></Product></Products> → ${kind === 'Link' ? 'PUT (to-one) or POST (to-many)' : 'DELETE'} Products(1)/$links/Category; one request per linked entity`,
    envelope: 'required',
    ...entityWriteOperation,
    read: envelope => readEntityEnvelope(envelope, kind),
    *plan(envelope, ctx) {
      const service = v2Service(ctx);
      const { model, root } = service;
      const atom = service.format === 'atom';
      const writes: EntityWrite[] = [];
      const targets: string[] = [];
      for (const entity of bindEnvelope(model, envelope)) {
        const source = entityPath(model, entity);
        if (entity.links.length === 0)
          throw envelopeError(
            `${entity.path}: ${kind} needs a <link> element naming the entities to ${kind === 'Link' ? 'link' : 'unlink'}`,
            `${entity.path}/link`
          );
        const nested = entity.navigations[0];
        if (nested !== undefined)
          throw envelopeError(
            `${entity.path}/${nested.name}: ${kind} relates existing entities only; put them in <link>`,
            `${entity.path}/${nested.name}`
          );
        for (const link of entity.links) {
          const target = linkUri(link);
          const path = `${source}/$links/${link.name}`;
          targets.push(target);
          const entitySet = entity.entitySet;
          const body = linkBody(`${root}${target}`, atom);
          const keyed = link.collection ? `${path}${formatKeyPredicate(link.keys, v2Dialect)}` : path;
          writes.push(
            kind === 'Unlink'
              ? { method: 'DELETE', path: keyed, entity, entitySet }
              : { method: link.collection ? 'POST' : 'PUT', path, entity, entitySet, body }
          );
        }
      }
      const outcome = yield* sendWrites(service, writes);
      // each outcome names the link it stands for
      const output = outcome.output.map((o, i) => ({
        ...o,
        attributes: [['link', writes[i]?.path] as const, ['target', targets[i]] as const]
      }));
      return { status: outcome.status, output };
    }
  });
}

/** The `$links` request body: `{"uri":"…"}` in JSON, `<uri xmlns="…/dataservices">…</uri>` in XML. */
function linkBody(uri: string, atom: boolean): { body: string; contentType: string } {
  if (!atom) return { body: JSON.stringify({ uri }), contentType: 'application/json' };
  const w = new XmlWriter();
  w.declaration();
  w.leaf('uri', [['xmlns', DATA_SERVICES]], uri);
  return { body: w.toString(), contentType: 'application/xml' };
}
