import { ConnectorError, keysOf, type EdmModel, type EntityOutcome, type EntityProperty } from '../../../src/sdk';
import type { EntityPayload } from '../envelope/entity-payload';
import type { UpsertResult } from './upsert-wire';

/**
 * Maps the SuccessFactors UpsertResults onto the envelope's entities, by `index` else by position: one
 * outcome per entity, each followed by the outcomes of its `inlineResults` (the nested entities of a deep
 * upsert, matched to them the same way, with `inlineOf` naming the entity they belong to). A result for
 * an entity that was not sent is still reported, under the entity set its key names.
 */
export function upsertOutcomes(
  model: EdmModel,
  entities: readonly EntityPayload[],
  results: readonly UpsertResult[],
  url: string,
  inlineOf?: string
): EntityOutcome[] {
  const outcomes: EntityOutcome[] = [];
  const matched = new Set<UpsertResult>();
  entities.forEach((entity, i) => {
    const result =
      results.find(r => Number(field(r, 'index')) === i && !matched.has(r)) ??
      (matched.has(results[i] as UpsertResult) ? undefined : results[i]);
    if (result !== undefined) matched.add(result);
    outcomes.push(...resultOutcomes(model, entity, result, url, inlineOf));
  });
  for (const result of results)
    if (!matched.has(result)) outcomes.push(...resultOutcomes(model, undefined, result, url, inlineOf));
  return outcomes;
}

function resultOutcomes(
  model: EdmModel,
  entity: EntityPayload | undefined,
  result: UpsertResult | undefined,
  url: string,
  inlineOf: string | undefined
): EntityOutcome[] {
  const outcome = upsertOutcome(model, entity, result, url, inlineOf);
  if (result === undefined || result.inline.length === 0) return [outcome];
  const nested = entity?.navigations.flatMap(n => n.entities) ?? [];
  return [
    outcome,
    ...upsertOutcomes(model, nested, result.inline, url, field(result, 'key') ?? entity?.path ?? 'the entity')
  ];
}

function field(result: UpsertResult | undefined, name: string): string | undefined {
  const value = result?.fields[name];
  return value === null || value === undefined ? undefined : value;
}

/** One UpsertResult (`{key, status: OK|ERROR, editStatus, message, index, httpCode}`) as an outcome. */
function upsertOutcome(
  model: EdmModel,
  entity: EntityPayload | undefined,
  result: UpsertResult | undefined,
  url: string,
  inlineOf: string | undefined
): EntityOutcome {
  const keys = new Set(entity === undefined ? [] : keysOf(model, entity.type));
  const properties: EntityProperty[] = (entity?.properties ?? []).flatMap(p =>
    keys.has(p.name) && p.kind === 'primitive'
      ? [{ name: p.name, type: p.type, ...(p.value === null ? {} : { value: p.value }), isId: true }]
      : []
  );
  const key = field(result, 'key');
  const entitySet = entity?.entitySet ?? key?.split('/')[0] ?? '';
  const qualifiedName = entity?.type.qualifiedName ?? model.entitySets.get(entitySet);
  const where =
    entity?.path ?? `${inlineOf === undefined ? '' : `inline result of ${inlineOf}: `}${key ?? 'an entity'}`;
  const attributes: Array<readonly [string, string | undefined]> = [
    ['key', key],
    ['editStatus', field(result, 'editStatus')],
    ['inlineOf', inlineOf]
  ];
  const httpCode = field(result, 'httpCode');
  const base = {
    entitySet,
    ...(qualifiedName === undefined ? {} : { qualifiedName }),
    ...(httpCode === undefined ? {} : { httpStatus: Number(httpCode) }),
    properties,
    attributes
  };
  if (result === undefined) {
    return {
      ok: false,
      ...base,
      error: new ConnectorError('RESPONSE_INVALID', `${where}: the upsert response has no result for this entity`)
    };
  }
  const status = field(result, 'status');
  if (status !== undefined && status.toUpperCase() === 'OK') return { ok: true, ...base };
  const message = field(result, 'message') ?? 'no message';
  const error = new ConnectorError(
    'HTTP_STATUS',
    `${where}: upsert of ${key ?? 'the entity'} failed (${status ?? 'no status'}): ${message}`,
    {
      ...(httpCode === undefined ? {} : { httpStatus: Number(httpCode) }),
      method: 'POST',
      url,
      serviceMessage: message
    }
  );
  return { ok: false, ...base, error };
}
