import { structuredTypeOf, type EdmModel, type EdmProperty, type EdmStructuredType } from '../../../src/sdk';

/** In declaration order, base types first. */
export function propertiesOf(model: EdmModel, type: EdmStructuredType): EdmProperty[] {
  const base = structuredTypeOf(model, type.baseType);
  return [...(base === undefined ? [] : propertiesOf(model, base)), ...type.properties.values()];
}

// The first set of the type or of a base type (AssociationSets would tell several sets of one type apart; rare).
export function entitySetOfType(model: EdmModel, qualifiedName: string): string | undefined {
  for (let name: string | undefined = qualifiedName; name !== undefined; name = model.entityTypes.get(name)?.baseType) {
    for (const [set, type] of model.entitySets) if (type === name) return set;
  }
  return undefined;
}
