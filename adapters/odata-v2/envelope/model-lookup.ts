import {
  isEdmPrimitive,
  structuredTypeOf,
  type EdmModel,
  type EdmPrimitiveType,
  type EdmProperty,
  type EdmStructuredType
} from '../../../src/sdk';

// Model lookups the CPI payload binding and the V2 codecs share (candidates for src/odata/metadata.ts).

/** Returns the primitive Edm type of a property, or undefined for complex (and collection) properties. */
export function primitiveTypeOf(property: EdmProperty): EdmPrimitiveType | undefined {
  return isEdmPrimitive(property.type) ? property.type : undefined;
}

/** Returns the complex type a property is declared with, or undefined. */
export function complexTypeOf(model: EdmModel, property: EdmProperty): EdmStructuredType | undefined {
  return model.complexTypes.get(property.type);
}

/** All properties of a type in declaration order, base types first. */
export function propertiesOf(model: EdmModel, type: EdmStructuredType): EdmProperty[] {
  const base = structuredTypeOf(model, type.baseType);
  return [...(base === undefined ? [] : propertiesOf(model, base)), ...type.properties.values()];
}

/**
 * Returns the entity set that holds entities of a type (the first one declared; V2 AssociationSets would
 * disambiguate services with several sets of one type, which are rare). Derived types fall back to base sets.
 */
export function entitySetOfType(model: EdmModel, qualifiedName: string): string | undefined {
  for (let name: string | undefined = qualifiedName; name !== undefined; name = model.entityTypes.get(name)?.baseType) {
    for (const [set, type] of model.entitySets) if (type === name) return set;
  }
  return undefined;
}

/** Returns the entity type a qualified name stands for, or undefined. */
export function entityTypeNamed(model: EdmModel, qualifiedName: string | undefined): EdmStructuredType | undefined {
  return qualifiedName === undefined ? undefined : model.entityTypes.get(qualifiedName);
}
