import {
  isEdmPrimitive,
  structuredTypeOf,
  type EdmModel,
  type EdmPrimitiveType,
  type EdmProperty,
  type EdmStructuredType
} from '../../../src/sdk';

/** Undefined for complex (and collection) properties. */
export function primitiveTypeOf(property: EdmProperty): EdmPrimitiveType | undefined {
  return isEdmPrimitive(property.type) ? property.type : undefined;
}

export function complexTypeOf(model: EdmModel, property: EdmProperty): EdmStructuredType | undefined {
  return model.complexTypes.get(property.type);
}

/** In declaration order, base types first. */
export function propertiesOf(model: EdmModel, type: EdmStructuredType): EdmProperty[] {
  const base = structuredTypeOf(model, type.baseType);
  return [...(base === undefined ? [] : propertiesOf(model, base)), ...type.properties.values()];
}

/**
 * The first set declared for the type or, for a derived type, its base (AssociationSets would disambiguate
 * several sets of one type, which are rare).
 */
export function entitySetOfType(model: EdmModel, qualifiedName: string): string | undefined {
  for (let name: string | undefined = qualifiedName; name !== undefined; name = model.entityTypes.get(name)?.baseType) {
    for (const [set, type] of model.entitySets) if (type === name) return set;
  }
  return undefined;
}

export function entityTypeNamed(model: EdmModel, qualifiedName: string | undefined): EdmStructuredType | undefined {
  return qualifiedName === undefined ? undefined : model.entityTypes.get(qualifiedName);
}
