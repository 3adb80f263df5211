import { v4Dialect } from '../../../src/sdk';
import {
  ConnectorError,
  entityTypeOfSet,
  envelopeError,
  keysOf,
  refuseStrayText,
  refuseUnknownAttributes,
  writeX4Node,
  type EdmModel,
  type EdmStructuredType,
  type OperationContext,
  type ResolvedParams,
  type X4Node,
  type XmlElement,
  type XmlWriter
} from '../../../src/sdk';
import { loadMetadata } from '../metadata/load-metadata';
import { requireParam } from '../params';
import { serviceRootOf } from '../request/http';
import { buildKeyPredicate, parseEntityId } from '../../../src/sdk';
import { buildQueryString, readQueryOptions, type QueryOptions } from '../request/query-options';
import type { CollectionOutput } from '../response/collection-pages';

/** What a read operation returns: a collection (written page by page) or one X4 node. */
export type ReadOutput = CollectionOutput | { readonly kind: 'node'; readonly node: X4Node };

/** Writes a read result: `<Object>` with the annotations and `<Array name="value">`, or the single node. */
export function writeReadOutput(output: ReadOutput, w: XmlWriter): void {
  if (output.kind === 'node') {
    writeX4Node(w, output.node);
    return;
  }
  w.open('Object');
  for (const a of output.annotations) writeX4Node(w, a);
  w.open('Array', [['name', 'value']]);
  for (const page of output.pages) for (const item of page) writeX4Node(w, item);
  w.close();
  w.close();
}

/** The service root and its model. */
export async function serviceOf(ctx: OperationContext): Promise<{ root: string; model: EdmModel }> {
  const root = serviceRootOf(String(ctx.params['serviceUrl']));
  return { root, model: await loadMetadata(ctx, root) };
}

/** The entity type of an entity set; MODEL_MISMATCH listing the sets when the name is a singleton or unknown. */
export function entitySetType(model: EdmModel, entitySet: string): EdmStructuredType {
  if (!model.entitySets.has(entitySet)) {
    const hint = model.singletons.has(entitySet)
      ? ` ("${entitySet}" is a singleton: use the singleton operations)`
      : '';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no entity set "${entitySet}"${hint}; its entity sets: ${[...model.entitySets.keys()].join(', ')}`,
      { target: entitySet }
    );
  }
  return entityTypeOfSet(model, entitySet);
}

/** The entity type of a singleton; MODEL_MISMATCH listing the singletons when unknown. */
export function singletonType(model: EdmModel, singleton: string): EdmStructuredType {
  if (!model.singletons.has(singleton)) {
    const list = [...model.singletons.keys()];
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `The service has no singleton "${singleton}"; its singletons: ${list.length === 0 ? '(none)' : list.join(', ')}`,
      { target: singleton }
    );
  }
  return entityTypeOfSet(model, singleton);
}

/** A path segment for an entity set, singleton or property name. */
export function segment(name: string): string {
  return encodeURIComponent(name);
}

/** `Set(key)` from the entitySet and entityId parameters, typed by `$metadata`. */
export function entityPath(
  model: EdmModel,
  entitySet: string,
  entityId: string
): { path: string; type: EdmStructuredType } {
  const type = entitySetType(model, entitySet);
  return {
    path: `${segment(entitySet)}${buildKeyPredicate(model, type, parseEntityId(entityId, keysOf(model, type).length), 'entityId', v4Dialect)}`,
    type
  };
}

/** Input of the reads addressed by parameters, with optional `<QueryOptions>` ($select, $expand, …). */
export interface ParamReadInput {
  readonly entitySet: string;
  readonly entityId: string;
  readonly options: QueryOptions;
}

/** Reads `entitySet` and `entityId` (both required) and optional query options. */
export function readParamInput(
  envelope: XmlElement | undefined,
  params: ResolvedParams,
  operation: string
): ParamReadInput {
  const options = queryOptionsOf(envelope);
  return {
    entitySet: options.entitySet ?? requireParam(params, 'entitySet', operation),
    entityId: requireParam(params, 'entityId', operation),
    options
  };
}

/** Finds `<QueryOptions>` as the root or directly inside `<Request>`; anything else inside is refused. */
export function queryOptionsOf(envelope: XmlElement | undefined): QueryOptions {
  if (envelope === undefined) return readQueryOptions(undefined);
  if (envelope.name === 'QueryOptions') return readQueryOptions(envelope);
  refuseUnknownAttributes(envelope, []);
  refuseStrayText(envelope);
  const other = envelope.children.find(c => c.name !== 'QueryOptions');
  if (other !== undefined)
    throw envelopeError(
      `<${envelope.name}> may only contain <QueryOptions>, found <${other.name}>`,
      `${envelope.name}/${other.name}`
    );
  if (envelope.children.length > 1)
    throw envelopeError(`<${envelope.name}> may contain only one <QueryOptions>`, `${envelope.name}/QueryOptions`);
  return readQueryOptions(envelope.children[0]);
}

/** The query string for a single-entity read: only $select and $expand apply. */
export function singleReadQuery(options: QueryOptions): string {
  // The others have no meaning on one entity; refusing them beats silently reading without them.
  const given: string[] = (['filter', 'search', 'orderby', 'skip', 'top'] as const).filter(
    n => options[n] !== undefined
  );
  if (options.count) given.push('count');
  const first = given[0];
  if (first !== undefined) {
    throw envelopeError(
      `$${first} does not apply to a single-entity read; only $select and $expand do`,
      `QueryOptions/Parameter[@name='${first}']`
    );
  }
  const query = buildQueryString(options, ['select', 'expand']);
  return query === '' ? '' : `?${query}`;
}
