import {
  ConnectorError,
  entityTypeOfSet,
  envelopeError,
  findNavigation,
  findProperty,
  isEdmPrimitive,
  isNil,
  keysOf,
  normalizeV2Value,
  structuredTypeOf,
  validateEdmFacets,
  type EdmModel,
  type EdmPrimitiveType,
  type EdmProperty,
  type EdmStructuredType,
  type KeyValue,
  type XmlElement
} from '../../../src/sdk';

/** A primitive property value in canonical form (see `normalizeV2Value`); null for `xsi:nil`. */
export interface PrimitiveValue {
  readonly kind: 'primitive';
  readonly name: string;
  readonly type: EdmPrimitiveType;
  readonly value: string | null;
}

export interface ComplexValue {
  readonly kind: 'complex';
  readonly name: string;
  readonly type: EdmStructuredType;
  readonly value: readonly PropertyValue[] | null;
}

export type PropertyValue = PrimitiveValue | ComplexValue;

export interface EntityPayload {
  readonly entitySet: string;
  readonly type: EdmStructuredType;
  /** Where it sits in the envelope, for messages: `Categories/Category/Products/Product[2]`. */
  readonly path: string;
  readonly properties: readonly PropertyValue[];
  readonly navigations: readonly NavigationPayload[];
  readonly links: readonly LinkPayload[];
  /** The entity element's `etag` attribute (a read result carries it), sent as If-Match. */
  readonly etag?: string;
}

export interface NavigationPayload {
  readonly name: string;
  readonly collection: boolean;
  readonly entities: readonly EntityPayload[];
}

export interface LinkPayload {
  readonly name: string;
  readonly collection: boolean;
  readonly entitySet: string;
  readonly keys: readonly KeyValue[];
  readonly path: string;
}

// Text directly inside container elements is ignored, so annotated copies of the CPI samples run as they are.
export function bindEntity(model: EdmModel, entitySet: string, element: XmlElement, parentPath: string): EntityPayload {
  const path = `${parentPath}/${element.name}`;
  const type = entityTypeByElement(model, entitySet, element.name, path);
  const properties: PropertyValue[] = [];
  const navigations: NavigationPayload[] = [];
  const links: LinkPayload[] = [];
  const seen = new Set<string>();
  for (const child of element.children) {
    const childPath = `${path}/${child.name}`;
    if (seen.has(child.name)) throw envelopeError(`<${child.name}> appears twice in <${element.name}>`, childPath);
    seen.add(child.name);
    const property = findProperty(model, type, child.name);
    const navigation = property === undefined ? findNavigation(model, type, child.name) : undefined;
    if (property !== undefined) {
      properties.push(bindProperty(model, property, child, childPath));
    } else if (navigation !== undefined) {
      const targetSet = targetSetOf(model, navigation.target, childPath);
      const entities = child.children.map((e, i) =>
        bindEntity(model, targetSet, e, child.children.length > 1 ? `${childPath}[${i + 1}]` : childPath)
      );
      if (!navigation.collection && entities.length > 1)
        throw envelopeError(
          `${child.name} is a single-valued navigation property; it takes one entity, got ${entities.length}`,
          childPath
        );
      navigations.push({ name: child.name, collection: navigation.collection, entities });
    } else if (child.name === 'link') {
      links.push(...bindLinks(model, type, child, childPath));
    } else {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${childPath}: the entity type ${type.qualifiedName} has no property or navigation property "${child.name}"; its properties: ${[...propertiesOf(model, type).map(p => p.name), ...type.navigation.keys()].join(', ')}`,
        { target: childPath }
      );
    }
  }
  const etag = element.attributes['etag'];
  return {
    entitySet,
    type,
    path,
    properties,
    navigations,
    links,
    ...(etag === undefined || etag === '' ? {} : { etag })
  };
}

// A null mark beside a value is a contradiction (XML Schema: a nil element is empty); sending null would drop the value.
function isNullMarked(element: XmlElement, name: string, path: string): boolean {
  if (!isNil(element)) return false;
  const text = element.text?.trim() ?? '';
  if (text !== '')
    throw envelopeError(
      `${path}: ${name} is marked null (xsi:nil="true") and has the value "${text}"; remove one of them`,
      path
    );
  if (element.children.length > 0)
    throw envelopeError(`${path}: ${name} is marked null (xsi:nil="true") and has members; remove one of them`, path);
  return true;
}

// Facets (MaxLength, Precision, Scale) too, so a value the service would refuse fails before anything is sent.
function bindProperty(model: EdmModel, property: EdmProperty, element: XmlElement, path: string): PropertyValue {
  const { name, type } = property;
  if (isEdmPrimitive(type)) {
    if (element.children.length > 0)
      throw envelopeError(`${path}: ${name} is a primitive ${type} property and cannot contain elements`, path);
    if (isNullMarked(element, name, path)) return { kind: 'primitive', name, type, value: null };
    const value = normalizeV2Value(type, element.text ?? '', path);
    validateEdmFacets(property, value, path);
    return { kind: 'primitive', name, type, value };
  }
  const complex = model.complexTypes.get(type);
  if (complex === undefined) {
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `${path}: the type ${type} of ${name} is not supported (collection properties are not part of OData V2)`,
      { target: path }
    );
  }
  if (isNullMarked(element, name, path)) return { kind: 'complex', name, type: complex, value: null };
  const members: PropertyValue[] = [];
  for (const child of element.children) {
    const member = complex.properties.get(child.name);
    const childPath = `${path}/${child.name}`;
    if (member === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${childPath}: the complex type ${complex.qualifiedName} has no property "${child.name}"; its properties: ${[...complex.properties.keys()].join(', ')}`,
        { target: childPath }
      );
    }
    members.push(bindProperty(model, member, child, childPath));
  }
  return { kind: 'complex', name, type: complex, value: members };
}

function targetSetOf(model: EdmModel, targetType: string, path: string): string {
  const set = entitySetOfType(model, targetType);
  if (set === undefined)
    throw new ConnectorError('MODEL_MISMATCH', `${path}: no entity set holds entities of type ${targetType}`, {
      target: path
    });
  return set;
}

/** `<link><Supplier><Supplier><ID>1</ID></Supplier></Supplier></link>`: one entry per linked entity. */
function bindLinks(model: EdmModel, type: EdmStructuredType, link: XmlElement, path: string): LinkPayload[] {
  const links: LinkPayload[] = [];
  for (const navElement of link.children) {
    const navPath = `${path}/${navElement.name}`;
    const navigation = findNavigation(model, type, navElement.name);
    if (navigation === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `${navPath}: the entity type ${type.qualifiedName} has no navigation property "${navElement.name}"; its navigation properties: ${[...type.navigation.keys()].join(', ')}`,
        { target: navPath }
      );
    }
    if (navElement.children.length === 0)
      throw envelopeError(
        `${navPath}: a link names the linked entity with its key, e.g. <${navElement.name}><Type><ID>1</ID></Type></${navElement.name}>`,
        navPath
      );
    if (!navigation.collection && navElement.children.length > 1)
      throw envelopeError(`${navPath}: ${navElement.name} is single-valued; link one entity`, navPath);
    const entitySet = targetSetOf(model, navigation.target, navPath);
    for (const target of navElement.children) {
      const entity = bindEntity(model, entitySet, target, navPath);
      links.push({
        name: navElement.name,
        collection: navigation.collection,
        entitySet,
        keys: keyOfEntity(model, entity),
        path: entity.path
      });
    }
  }
  return links;
}

export function keyOfEntity(model: EdmModel, entity: EntityPayload): KeyValue[] {
  return keysOf(model, entity.type).map(name => {
    const p = entity.properties.find(v => v.name === name);
    if (p === undefined || p.kind !== 'primitive' || p.value === null) {
      throw envelopeError(
        `${entity.path}: the key property <${name}> is missing; it is needed to address the entity`,
        `${entity.path}/${name}`
      );
    }
    return { name, type: p.type, value: p.value };
  });
}

function entityTypeByElement(model: EdmModel, entitySet: string, element: string, target: string): EdmStructuredType {
  const type = entityTypeOfSet(model, entitySet);
  if (element === type.name) return type;
  const derived = [...model.entityTypes.values()].find(
    t => t.name === element && isDerivedFrom(model, t, type.qualifiedName)
  );
  if (derived !== undefined) return derived;
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `<${element}> is not the entity type of the entity set ${entitySet}; expected <${type.name}>`,
    { target }
  );
}

function isDerivedFrom(model: EdmModel, type: EdmStructuredType, base: string): boolean {
  for (let t: EdmStructuredType | undefined = type; t !== undefined; t = model.entityTypes.get(t.baseType ?? ''))
    if (t.qualifiedName === base) return true;
  return false;
}

export interface EntityEnvelope {
  readonly entitySet: string;
  readonly entities: readonly XmlElement[];
}

export function readEntityEnvelope(envelope: XmlElement | undefined, operation: string): EntityEnvelope {
  if (envelope === undefined)
    throw envelopeError(`${operation} needs an envelope <EntitySet><EntityType>…</EntityType></EntitySet>`);
  if (envelope.children.length === 0) {
    throw envelopeError(
      `<${envelope.name}> contains no entity; ${operation} expects <${envelope.name}><EntityType>…</EntityType></${envelope.name}>`,
      envelope.name
    );
  }
  return { entitySet: envelope.name, entities: envelope.children };
}

/** Every entity before anything is sent, so one bad entity stops the whole call. */
export function bindEnvelope(
  model: EdmModel,
  envelope: EntityEnvelope,
  entitySet = envelope.entitySet
): EntityPayload[] {
  const { entities } = envelope;
  const at = (i: number): string => (entities.length > 1 ? `${envelope.entitySet}[${i + 1}]` : envelope.entitySet);
  return entities.map((e, i) => bindEntity(model, entitySet, e, at(i)));
}

// base types first
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
