// Lookups in a parsed model: the types of entity sets and singletons, properties, navigations, keys.
import { ConnectorError } from '../errors/connector-error';
import type { EdmModel, EdmNavigationProperty, EdmProperty, EdmStructuredType } from './metadata';

/**
 * Returns the entity type of an entity set; throws MODEL_MISMATCH listing the sets when unknown (saying so when
 * the name is a singleton's, which is addressed without a key).
 */
export function entityTypeOfSet(model: EdmModel, entitySet: string): EdmStructuredType {
  const type = model.entityTypes.get(model.entitySets.get(entitySet) ?? '');
  if (type !== undefined) return type;
  const hint = model.singletons.has(entitySet) ? ` ("${entitySet}" is a singleton: use the singleton operations)` : '';
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `The service has no entity set "${entitySet}"${hint}; its entity sets: ${[...model.entitySets.keys()].join(', ')}`,
    { target: entitySet }
  );
}

/** Returns the entity type of a singleton; throws MODEL_MISMATCH listing the singletons when unknown. */
export function entityTypeOfSingleton(model: EdmModel, singleton: string): EdmStructuredType {
  const type = model.entityTypes.get(model.singletons.get(singleton) ?? '');
  if (type !== undefined) return type;
  const list = [...model.singletons.keys()];
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `The service has no singleton "${singleton}"; its singletons: ${list.length === 0 ? '(none)' : list.join(', ')}`,
    { target: singleton }
  );
}

/** A type and its base types, nearest first. */
function* typeChain(model: EdmModel, type: EdmStructuredType): Generator<EdmStructuredType> {
  for (let t: EdmStructuredType | undefined = type; t !== undefined; t = structuredTypeOf(model, t.baseType)) yield t;
}

/** Returns a property of a type, walking base types; undefined when not declared. */
export function findProperty(model: EdmModel, type: EdmStructuredType, name: string): EdmProperty | undefined {
  for (const t of typeChain(model, type)) if (t.properties.has(name)) return t.properties.get(name);
  return undefined;
}

/** Returns a navigation property of a type, walking base types. */
export function findNavigation(
  model: EdmModel,
  type: EdmStructuredType,
  name: string
): EdmNavigationProperty | undefined {
  for (const t of typeChain(model, type)) if (t.navigation.has(name)) return t.navigation.get(name);
  return undefined;
}

/** Returns the key property names of a type, walking base types. */
export function keysOf(model: EdmModel, type: EdmStructuredType): readonly string[] {
  for (const t of typeChain(model, type)) if (t.keys.length > 0) return t.keys;
  return [];
}

/** The item type of a collection type (`NS.Item` for `Collection(NS.Item)`); undefined for a single type. */
export function itemTypeOf(typeName: string | undefined): string | undefined {
  return typeName === undefined ? undefined : /^Collection\((.*)\)$/.exec(typeName)?.[1];
}

/** The complex or entity type a qualified name stands for; undefined for primitives and unknown names. */
export function structuredTypeOf(model: EdmModel, typeName: string | undefined): EdmStructuredType | undefined {
  return typeName === undefined ? undefined : (model.complexTypes.get(typeName) ?? model.entityTypes.get(typeName));
}

/**
 * The type of a member of a structured type, walking base types: its property's type, or its navigation's
 * target (`Collection(…)` for a to-many navigation); undefined when the type declares no such member.
 */
export function memberTypeOf(model: EdmModel, type: EdmStructuredType, name: string): string | undefined {
  const property = findProperty(model, type, name);
  if (property !== undefined) return property.type;
  const nav = findNavigation(model, type, name);
  return nav === undefined ? undefined : nav.collection ? `Collection(${nav.target})` : nav.target;
}
