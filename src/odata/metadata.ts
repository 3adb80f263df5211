import { parseXmlResponse } from '../envelope/parse-xml';
import { attrOf, childrenOf, childOf, type XmlElement } from '../envelope/xml-element';
import { ConnectorError } from '../errors/connector-error';

/** A property or an operation parameter: its type and the facets values are checked against. */
export interface EdmParameter {
  readonly name: string;
  /** Qualified as written: `Edm.Int32`, `NS.Address`, `Collection(Edm.String)`. */
  readonly type: string;
  readonly nullable: boolean;
  readonly maxLength?: string;
  readonly precision?: string;
  readonly scale?: string;
}

export interface EdmProperty extends EdmParameter {
  /** V2 Atom feed customisation: the value is carried outside `m:properties` (`m:FC_KeepInContent="false"`). */
  readonly fcTargetPath?: string;
}

export interface EdmNavigationProperty {
  readonly name: string;
  /** Qualified name of the target entity type. */
  readonly target: string;
  readonly collection: boolean;
  /** Properties of the declaring type that hold the target's key (the declaring type is the dependent end). */
  readonly foreignKeys?: readonly string[];
  /** V2: properties of the target type that hold the declaring type's key (the target is the dependent end). */
  readonly targetForeignKeys?: readonly string[];
}

export interface EdmStructuredType {
  readonly name: string;
  readonly namespace: string;
  readonly qualifiedName: string;
  readonly baseType?: string;
  readonly keys: readonly string[];
  readonly properties: ReadonlyMap<string, EdmProperty>;
  readonly navigation: ReadonlyMap<string, EdmNavigationProperty>;
  readonly hasStream: boolean;
  readonly etag?: string;
}

/** A V4 function/action or a V2 function import. */
export interface EdmOperation {
  readonly name: string;
  readonly kind: 'Function' | 'Action';
  readonly bound: boolean;
  readonly parameters: readonly EdmParameter[];
  readonly returnType?: string;
  /** V2 function imports declare their verb (`m:HttpMethod`). */
  readonly httpMethod?: string;
  readonly entitySet?: string;
}

export interface EdmModel {
  readonly version: '2.0' | '4.0';
  readonly namespaces: readonly string[];
  readonly entityTypes: ReadonlyMap<string, EdmStructuredType>;
  readonly complexTypes: ReadonlyMap<string, EdmStructuredType>;
  /** Entity set name → entity type qualified name. */
  readonly entitySets: ReadonlyMap<string, string>;
  /** Singleton name → entity type qualified name. */
  readonly singletons: ReadonlyMap<string, string>;
  /** Unbound callable names in the container (FunctionImport/ActionImport) → operation overloads. */
  readonly imports: ReadonlyMap<string, readonly EdmOperation[]>;
  /** All functions and actions by qualified and simple name (bound ones included). */
  readonly operations: ReadonlyMap<string, readonly EdmOperation[]>;
}

/** Parses an EDMX document (V2 or V4 CSDL) into a lookup model; RESPONSE_INVALID if it is not EDMX. */
export function parseMetadata(xml: string): EdmModel {
  const root = parseXmlResponse(xml, '$metadata');
  const dataServices = childOf(root, 'DataServices');
  if (root.name !== 'Edmx' || dataServices === undefined) {
    throw new ConnectorError('RESPONSE_INVALID', `$metadata is not an EDMX document (root <${root.name}>)`);
  }
  const schemas = childrenOf(dataServices, 'Schema');
  // Alias → namespace (a schema without an alias maps its namespace to itself).
  const aliases = new Map(schemas.map(s => [attrOf(s, 'Alias') ?? attr(s, 'Namespace'), attr(s, 'Namespace')]));
  const qualify = (name: string): string => {
    const item = itemTypeOf(name);
    if (item !== undefined) return `Collection(${qualify(item)})`;
    const dot = name.lastIndexOf('.');
    const ns = aliases.get(name.slice(0, dot));
    return dot > 0 && ns !== undefined ? ns + name.slice(dot) : name;
  };

  const associations = new Map(
    schemas.flatMap(s => childrenOf(s, 'Association').map(a => [`${attr(s, 'Namespace')}.${attr(a, 'Name')}`, a]))
  );
  const navigationOf = (n: XmlElement): EdmNavigationProperty => {
    const type = attrOf(n, 'Type');
    if (type !== undefined) {
      const keys = childrenOf(n, 'ReferentialConstraint').map(c => attr(c, 'Property'));
      const item = itemTypeOf(type);
      const [target, foreignKeys] = [qualify(item ?? type), keys.length === 0 ? undefined : keys];
      return { name: attr(n, 'Name'), target, collection: item !== undefined, foreignKeys };
    }
    // V2: through an Association, whose ReferentialConstraint's dependent end holds the other end's key.
    const association = associations.get(qualify(attr(n, 'Relationship')));
    const end = association && childrenOf(association, 'End').find(e => attr(e, 'Role') === attr(n, 'ToRole'));
    const constraint = association && childOf(association, 'ReferentialConstraint');
    const dependent = constraint && childOf(constraint, 'Dependent');
    const keysHeldBy = (role: string): string[] | undefined =>
      dependent !== undefined && attrOf(dependent, 'Role') === role ? propertyRefs(dependent) : undefined;
    return {
      name: attr(n, 'Name'),
      target: end === undefined ? '' : qualify(attr(end, 'Type')),
      collection: end !== undefined && attrOf(end, 'Multiplicity') === '*',
      foreignKeys: keysHeldBy(attr(n, 'FromRole')),
      targetForeignKeys: keysHeldBy(attr(n, 'ToRole'))
    };
  };
  const structured = (t: XmlElement, namespace: string): EdmStructuredType => {
    const [name, key, base] = [attr(t, 'Name'), childOf(t, 'Key'), attrOf(t, 'BaseType')];
    const properties = childrenOf(t, 'Property');
    const etag = properties.filter(p => attrOf(p, 'ConcurrencyMode') === 'Fixed').pop();
    return {
      name,
      namespace,
      qualifiedName: `${namespace}.${name}`,
      baseType: base === undefined ? undefined : qualify(base),
      keys: key === undefined ? [] : propertyRefs(key),
      properties: byName(properties.map(p => readProperty(p, qualify))),
      navigation: byName(childrenOf(t, 'NavigationProperty').map(navigationOf)),
      hasStream: attrOf(t, 'HasStream') === 'true',
      etag: etag && attr(etag, 'Name')
    };
  };
  const structuredTypes = (kind: string): Map<string, EdmStructuredType> => {
    const types = schemas.flatMap(s => childrenOf(s, kind).map(t => structured(t, attr(s, 'Namespace'))));
    return new Map(types.map(t => [t.qualifiedName, t]));
  };

  const operations = new Map<string, EdmOperation[]>();
  for (const s of schemas) {
    for (const op of [...childrenOf(s, 'Function'), ...childrenOf(s, 'Action')].map(f => readOperation(f, qualify))) {
      for (const key of [`${attr(s, 'Namespace')}.${op.name}`, op.name])
        operations.set(key, [...(operations.get(key) ?? []), op]);
    }
  }
  // Containers last: V4 imports may name operations of a schema read after theirs.
  const containers = schemas.flatMap(s => childrenOf(s, 'EntityContainer'));
  const members = (kind: string, typeAttr: string): Map<string, string> =>
    new Map(containers.flatMap(c => childrenOf(c, kind)).map(e => [attr(e, 'Name'), qualify(attr(e, typeAttr))]));
  const imports = containers.flatMap(c => [...childrenOf(c, 'FunctionImport'), ...childrenOf(c, 'ActionImport')]);
  return {
    version: (attrOf(root, 'Version') ?? '1.0').startsWith('4') ? '4.0' : '2.0',
    namespaces: schemas.map(s => attr(s, 'Namespace')),
    entityTypes: structuredTypes('EntityType'),
    complexTypes: structuredTypes('ComplexType'),
    entitySets: members('EntitySet', 'EntityType'),
    singletons: members('Singleton', 'Type'),
    imports: new Map(
      imports.map(fi => {
        // A V2 FunctionImport is the operation; a V4 import names the overloads it calls.
        const target = attrOf(fi, 'Function') ?? attrOf(fi, 'Action');
        const v2 = target === undefined && fi.name === 'FunctionImport';
        return [attr(fi, 'Name'), v2 ? [readOperation(fi, qualify)] : (operations.get(qualify(target ?? '')) ?? [])];
      })
    ),
    operations
  };
}

function attr(e: XmlElement, name: string): string {
  return attrOf(e, name) ?? '';
}

function propertyRefs(e: XmlElement): string[] {
  return childrenOf(e, 'PropertyRef').map(r => attr(r, 'Name'));
}

function byName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map(item => [item.name, item]));
}

function readProperty(p: XmlElement, qualify: (n: string) => string): EdmProperty {
  return {
    name: attr(p, 'Name'),
    type: qualify(attrOf(p, 'Type') ?? 'Edm.String'),
    nullable: attrOf(p, 'Nullable') !== 'false',
    maxLength: attrOf(p, 'MaxLength'),
    precision: attrOf(p, 'Precision'),
    scale: attrOf(p, 'Scale'),
    fcTargetPath: attrOf(p, 'FC_KeepInContent') === 'false' ? attrOf(p, 'FC_TargetPath') : undefined
  };
}

/** A V4 Function or Action, or a V2 FunctionImport (its verb in `m:HttpMethod`, GET meaning a function). */
function readOperation(f: XmlElement, qualify: (n: string) => string): EdmOperation {
  const v2 = f.name === 'FunctionImport';
  const returnElement = childOf(f, 'ReturnType');
  const returnType = v2 ? attrOf(f, 'ReturnType') : returnElement && attrOf(returnElement, 'Type');
  const httpMethod = attrOf(f, 'HttpMethod') ?? 'GET';
  return {
    name: attr(f, 'Name'),
    kind: f.name === 'Action' || (v2 && httpMethod !== 'GET') ? 'Action' : 'Function',
    bound: attrOf(f, 'IsBound') === 'true',
    parameters: childrenOf(f, 'Parameter').map(p => readProperty(p, qualify)),
    returnType: returnType === undefined ? undefined : qualify(returnType),
    httpMethod: v2 ? httpMethod : undefined,
    entitySet: v2 ? attrOf(f, 'EntitySet') : undefined
  };
}

/** The entity type of an entity set; MODEL_MISMATCH listing the sets (or pointing at a singleton of that name). */
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

/** The entity type of a singleton; MODEL_MISMATCH listing the singletons when unknown. */
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

/** A type and its base types, nearest first: members and keys are looked up along it. */
function* typeChain(model: EdmModel, type: EdmStructuredType): Generator<EdmStructuredType> {
  for (let t: EdmStructuredType | undefined = type; t !== undefined; t = structuredTypeOf(model, t.baseType)) yield t;
}

export function findProperty(model: EdmModel, type: EdmStructuredType, name: string): EdmProperty | undefined {
  for (const t of typeChain(model, type)) if (t.properties.has(name)) return t.properties.get(name);
  return undefined;
}

export function findNavigation(
  model: EdmModel,
  type: EdmStructuredType,
  name: string
): EdmNavigationProperty | undefined {
  for (const t of typeChain(model, type)) if (t.navigation.has(name)) return t.navigation.get(name);
  return undefined;
}

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

/** A member's type, walking base types: its property's type or its navigation's target (`Collection(…)` to-many). */
export function memberTypeOf(model: EdmModel, type: EdmStructuredType, name: string): string | undefined {
  const property = findProperty(model, type, name);
  if (property !== undefined) return property.type;
  const nav = findNavigation(model, type, name);
  return nav === undefined ? undefined : nav.collection ? `Collection(${nav.target})` : nav.target;
}
