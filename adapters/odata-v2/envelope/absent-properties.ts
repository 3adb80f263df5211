import { findNavigation, keysOf, type EdmModel, type EdmProperty, type EdmStructuredType } from '../../../src/sdk';
import type { EntityPayload } from './entity-payload';
import { primitiveTypeOf, propertiesOf } from './model-lookup';

/**
 * The declared nullable primitive properties a Create/PUT sends as null because the payload leaves them out
 * (SAP CPI rule). Foreign keys are left out: those of a navigation the payload links or deep-inserts, and
 * `parentForeignKeys` (a deep-inserted entity's reference to its parent); a null would undo the binding.
 */
export function absentNullProperties(
  model: EdmModel,
  entity: EntityPayload,
  parentForeignKeys: readonly string[] = []
): EdmProperty[] {
  const skip = new Set([...keysOf(model, entity.type), ...parentForeignKeys, ...entity.properties.map(p => p.name)]);
  for (const bound of [...entity.navigations, ...entity.links]) {
    for (const name of findNavigation(model, entity.type, bound.name)?.foreignKeys ?? []) skip.add(name);
  }
  return propertiesOf(model, entity.type).filter(
    p => p.nullable && !skip.has(p.name) && primitiveTypeOf(p) !== undefined
  );
}

/** The properties of a deep-inserted entity that hold its parent's key. */
export function parentForeignKeysOf(model: EdmModel, parent: EdmStructuredType, navigation: string): readonly string[] {
  return findNavigation(model, parent, navigation)?.targetForeignKeys ?? [];
}
