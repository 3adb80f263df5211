import { parseXml } from '../envelope/parse-xml';
import { attrOf, childrenOf, childOf, type XmlElement } from '../envelope/xml-element';
import { ConnectorError } from '../errors/connector-error';

/** A structural or primitive property. `type` is the qualified name as written (`Edm.Int32`, `NS.Address`, `Collection(Edm.String)`). */
export interface EdmProperty extends EdmParameter {
  /** V2 Atom feed customisation: the value is carried outside `m:properties` (`m:FC_TargetPath` with `m:FC_KeepInContent="false"`). */
  readonly fcTargetPath?: string;
}

export interface EdmNavigationProperty {
  readonly name: string;
  /** Qualified name of the target entity type. */
  readonly target: string;
  readonly collection: boolean;
  /** Properties of the declaring type that hold the target's key (its ReferentialConstraint's dependent end is the declaring type). */
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

/** A property or an operation parameter: its type and the facets values are checked against. */
export interface EdmParameter {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly maxLength?: string;
  readonly precision?: string;
  readonly scale?: string;
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

/** Parses an EDMX document (OData V2 or V4 CSDL XML) into a lookup model; RESPONSE_INVALID if it is not EDMX. */
export function parseMetadata(xml: string): EdmModel {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `$metadata is not valid XML: ${(error as Error).message}`,
      {},
      { cause: error }
    );
  }
  const dataServices = childOf(root, 'DataServices');
  if (root.name !== 'Edmx' || dataServices === undefined) {
    throw new ConnectorError('RESPONSE_INVALID', `$metadata is not an EDMX document (root <${root.name}>)`);
  }
  const schemas = childrenOf(dataServices, 'Schema');
  // Alias → namespace (a schema without an alias maps its namespace to itself).
  const aliases = new Map(schemas.map(s => [attrOf(s, 'Alias') ?? attr(s, 'Namespace'), attr(s, 'Namespace')]));
  const qualify = (name: string): string => {
    const m = /^Collection\((.*)\)$/.exec(name);
    if (m?.[1] !== undefined) return `Collection(${qualify(m[1])})`;
    const dot = name.lastIndexOf('.');
    const ns = name.slice(0, dot);
    return dot > 0 && aliases.has(ns) ? `${aliases.get(ns) ?? ns}${name.slice(dot)}` : name;
  };

  const associations = new Map(
    schemas.flatMap(s => childrenOf(s, 'Association').map(a => [`${attr(s, 'Namespace')}.${attr(a, 'Name')}`, a]))
  );
  const navigationOf = (n: XmlElement): EdmNavigationProperty => {
    const name = attr(n, 'Name');
    const type = attrOf(n, 'Type');
    if (type !== undefined) {
      const m = /^Collection\((.*)\)$/.exec(type);
      const foreignKeys = childrenOf(n, 'ReferentialConstraint').map(c => attr(c, 'Property'));
      return {
        name,
        target: qualify(m?.[1] ?? type),
        collection: m !== null,
        ...(foreignKeys.length === 0 ? {} : { foreignKeys })
      };
    }
    // V2: through an Association, whose ReferentialConstraint's dependent end holds the other end's key.
    const association = associations.get(qualify(attr(n, 'Relationship')));
    const end = association && childrenOf(association, 'End').find(e => attr(e, 'Role') === attr(n, 'ToRole'));
    const constraint = association && childOf(association, 'ReferentialConstraint');
    const dependent = constraint && childOf(constraint, 'Dependent');
    const keysHeldBy = (role: string): string[] | undefined =>
      dependent !== undefined && attrOf(dependent, 'Role') === role ? propertyRefs(dependent) : undefined;
    const [foreignKeys, targetForeignKeys] = [keysHeldBy(attr(n, 'FromRole')), keysHeldBy(attr(n, 'ToRole'))];
    return {
      name,
      target: end === undefined ? '' : qualify(attr(end, 'Type')),
      collection: end !== undefined && attrOf(end, 'Multiplicity') === '*',
      ...(foreignKeys === undefined ? {} : { foreignKeys }),
      ...(targetForeignKeys === undefined ? {} : { targetForeignKeys })
    };
  };
  const structured = (t: XmlElement, namespace: string): EdmStructuredType => {
    const name = attr(t, 'Name');
    const properties = childrenOf(t, 'Property');
    const etag = properties.filter(p => attrOf(p, 'ConcurrencyMode') === 'Fixed').pop();
    const key = childOf(t, 'Key');
    const base = attrOf(t, 'BaseType');
    return {
      name,
      namespace,
      qualifiedName: `${namespace}.${name}`,
      ...(base === undefined ? {} : { baseType: qualify(base) }),
      keys: key === undefined ? [] : propertyRefs(key),
      properties: byName(properties.map(p => readProperty(p, qualify))),
      navigation: byName(childrenOf(t, 'NavigationProperty').map(navigationOf)),
      hasStream: attrOf(t, 'HasStream') === 'true',
      ...(etag === undefined ? {} : { etag: attr(etag, 'Name') })
    };
  };

  const entityTypes = new Map<string, EdmStructuredType>();
  const complexTypes = new Map<string, EdmStructuredType>();
  const operations = new Map<string, EdmOperation[]>();
  const add = (key: string, op: EdmOperation): void => void operations.set(key, [...(operations.get(key) ?? []), op]);
  for (const s of schemas) {
    const ns = attr(s, 'Namespace');
    for (const t of childrenOf(s, 'EntityType')) entityTypes.set(`${ns}.${attr(t, 'Name')}`, structured(t, ns));
    for (const t of childrenOf(s, 'ComplexType')) complexTypes.set(`${ns}.${attr(t, 'Name')}`, structured(t, ns));
    for (const kind of ['Function', 'Action'] as const) {
      for (const f of childrenOf(s, kind)) {
        const op = readOperation(f, kind, qualify);
        add(`${ns}.${op.name}`, op);
        add(op.name, op);
      }
    }
  }
  // Containers last: V4 imports may name operations of a schema read after theirs.
  const containers = schemas.flatMap(s => childrenOf(s, 'EntityContainer'));
  const members = (kind: string, typeAttr: string): Map<string, string> =>
    new Map(containers.flatMap(c => childrenOf(c, kind)).map(e => [attr(e, 'Name'), qualify(attr(e, typeAttr))]));
  const imports = new Map<string, readonly EdmOperation[]>();
  for (const c of containers) {
    for (const fi of [...childrenOf(c, 'FunctionImport'), ...childrenOf(c, 'ActionImport')]) {
      const target = attrOf(fi, 'Function') ?? attrOf(fi, 'Action');
      const isV2 = target === undefined && fi.name === 'FunctionImport';
      imports.set(
        attr(fi, 'Name'),
        isV2 ? [readOperation(fi, 'Function', qualify)] : (operations.get(qualify(target ?? '')) ?? [])
      );
    }
  }
  return {
    version: (attrOf(root, 'Version') ?? '1.0').startsWith('4') ? '4.0' : '2.0',
    namespaces: schemas.map(s => attr(s, 'Namespace')),
    entityTypes,
    complexTypes,
    entitySets: members('EntitySet', 'EntityType'),
    singletons: members('Singleton', 'Type'),
    imports,
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
  const [maxLength, precision, scale] = ['MaxLength', 'Precision', 'Scale'].map(f => attrOf(p, f));
  const fcTargetPath = attrOf(p, 'FC_KeepInContent') === 'false' ? attrOf(p, 'FC_TargetPath') : undefined;
  return {
    name: attr(p, 'Name'),
    type: qualify(attrOf(p, 'Type') ?? 'Edm.String'),
    nullable: attrOf(p, 'Nullable') !== 'false',
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(precision === undefined ? {} : { precision }),
    ...(scale === undefined ? {} : { scale }),
    ...(fcTargetPath === undefined ? {} : { fcTargetPath })
  };
}

/** A V4 Function or Action, or a V2 FunctionImport (its verb in `m:HttpMethod`, GET meaning a function). */
function readOperation(f: XmlElement, kind: 'Function' | 'Action', qualify: (n: string) => string): EdmOperation {
  const v2 = f.name === 'FunctionImport';
  const returnElement = childOf(f, 'ReturnType');
  const returnType = v2 ? attrOf(f, 'ReturnType') : returnElement && attrOf(returnElement, 'Type');
  const httpMethod = attrOf(f, 'HttpMethod') ?? 'GET';
  const entitySet = attrOf(f, 'EntitySet');
  return {
    name: attr(f, 'Name'),
    kind: v2 && httpMethod !== 'GET' ? 'Action' : kind,
    bound: attrOf(f, 'IsBound') === 'true',
    parameters: childrenOf(f, 'Parameter').map(p => readProperty(p, qualify)),
    ...(returnType === undefined ? {} : { returnType: qualify(returnType) }),
    ...(v2 ? { httpMethod } : {}),
    ...(v2 && entitySet !== undefined ? { entitySet } : {})
  };
}
