import { parseXml } from '../envelope/parse-xml';
import { attrOf, childrenOf, childOf, type XmlElement } from '../envelope/xml-element';
import { ConnectorError } from '../errors/connector-error';

/** A structural or primitive property. `type` is the qualified name as written (`Edm.Int32`, `NS.Address`, `Collection(Edm.String)`). */
export interface EdmProperty {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly maxLength?: string;
  readonly precision?: string;
  readonly scale?: string;
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

/**
 * Parses an EDMX document (OData V2 CSDL or V4 CSDL XML) into a lookup model.
 * Throws RESPONSE_INVALID if the document is not EDMX.
 */
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
  const version = (attrOf(root, 'Version') ?? '1.0').startsWith('4') ? '4.0' : '2.0';
  const schemas = childrenOf(dataServices, 'Schema');
  const aliases = new Map<string, string>();
  for (const s of schemas) {
    const alias = attrOf(s, 'Alias');
    if (alias !== undefined) aliases.set(alias, attrOf(s, 'Namespace') ?? '');
  }
  const qualify = (name: string): string => {
    const m = /^Collection\((.*)\)$/.exec(name);
    if (m?.[1] !== undefined) return `Collection(${qualify(m[1])})`;
    const dot = name.lastIndexOf('.');
    const ns = name.slice(0, dot);
    return dot > 0 && aliases.has(ns) ? `${aliases.get(ns) ?? ns}${name.slice(dot)}` : name;
  };

  const associations = new Map<
    string,
    Map<string, { type: string; multiplicity: string; foreignKeys?: readonly string[] }>
  >();
  for (const s of schemas) {
    const ns = attrOf(s, 'Namespace') ?? '';
    for (const a of childrenOf(s, 'Association')) {
      const constraint = childOf(a, 'ReferentialConstraint');
      const dependent = constraint === undefined ? undefined : childOf(constraint, 'Dependent');
      const ends = new Map<string, { type: string; multiplicity: string; foreignKeys?: readonly string[] }>();
      for (const end of childrenOf(a, 'End')) {
        const role = attrOf(end, 'Role') ?? '';
        const foreignKeys =
          dependent !== undefined && attrOf(dependent, 'Role') === role
            ? childrenOf(dependent, 'PropertyRef').map(r => attrOf(r, 'Name') ?? '')
            : undefined;
        ends.set(role, {
          type: qualify(attrOf(end, 'Type') ?? ''),
          multiplicity: attrOf(end, 'Multiplicity') ?? '1',
          ...(foreignKeys === undefined ? {} : { foreignKeys })
        });
      }
      associations.set(`${ns}.${attrOf(a, 'Name') ?? ''}`, ends);
    }
  }

  const entityTypes = new Map<string, EdmStructuredType>();
  const complexTypes = new Map<string, EdmStructuredType>();
  const entitySets = new Map<string, string>();
  const singletons = new Map<string, string>();
  const imports = new Map<string, EdmOperation[]>();
  const operations = new Map<string, EdmOperation[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    map.set(key, [...(map.get(key) ?? []), value]);
  };

  for (const s of schemas) {
    const ns = attrOf(s, 'Namespace') ?? '';
    const structured = (t: XmlElement): EdmStructuredType => {
      const name = attrOf(t, 'Name') ?? '';
      const properties = new Map<string, EdmProperty>();
      let etag: string | undefined;
      for (const p of childrenOf(t, 'Property')) {
        const prop = readProperty(p, qualify);
        properties.set(prop.name, prop);
        if (attrOf(p, 'ConcurrencyMode') === 'Fixed') etag = prop.name;
      }
      const navigation = new Map<string, EdmNavigationProperty>();
      for (const n of childrenOf(t, 'NavigationProperty')) {
        const navName = attrOf(n, 'Name') ?? '';
        const type = attrOf(n, 'Type');
        if (type !== undefined) {
          const m = /^Collection\((.*)\)$/.exec(type);
          const foreignKeys = childrenOf(n, 'ReferentialConstraint').map(c => attrOf(c, 'Property') ?? '');
          navigation.set(navName, {
            name: navName,
            target: qualify(m?.[1] ?? type),
            collection: m !== null,
            ...(foreignKeys.length === 0 ? {} : { foreignKeys })
          });
        } else {
          const association = associations.get(qualify(attrOf(n, 'Relationship') ?? ''));
          const from = association?.get(attrOf(n, 'FromRole') ?? '');
          const end = association?.get(attrOf(n, 'ToRole') ?? '');
          navigation.set(navName, {
            name: navName,
            target: end?.type ?? '',
            collection: end?.multiplicity === '*',
            ...(from?.foreignKeys === undefined ? {} : { foreignKeys: from.foreignKeys }),
            ...(end?.foreignKeys === undefined ? {} : { targetForeignKeys: end.foreignKeys })
          });
        }
      }
      const key = childOf(t, 'Key');
      const base = attrOf(t, 'BaseType');
      return {
        name,
        namespace: ns,
        qualifiedName: `${ns}.${name}`,
        ...(base === undefined ? {} : { baseType: qualify(base) }),
        keys: key === undefined ? [] : childrenOf(key, 'PropertyRef').map(r => attrOf(r, 'Name') ?? ''),
        properties,
        navigation,
        hasStream: attrOf(t, 'HasStream') === 'true',
        ...(etag === undefined ? {} : { etag })
      };
    };
    for (const t of childrenOf(s, 'EntityType')) entityTypes.set(`${ns}.${attrOf(t, 'Name') ?? ''}`, structured(t));
    for (const t of childrenOf(s, 'ComplexType')) complexTypes.set(`${ns}.${attrOf(t, 'Name') ?? ''}`, structured(t));
    for (const kind of ['Function', 'Action'] as const) {
      for (const f of childrenOf(s, kind)) {
        const op = readOperation(f, kind, qualify);
        add(operations, `${ns}.${op.name}`, op);
        add(operations, op.name, op);
      }
    }
    for (const c of childrenOf(s, 'EntityContainer')) {
      for (const es of childrenOf(c, 'EntitySet'))
        entitySets.set(attrOf(es, 'Name') ?? '', qualify(attrOf(es, 'EntityType') ?? ''));
      for (const sg of childrenOf(c, 'Singleton'))
        singletons.set(attrOf(sg, 'Name') ?? '', qualify(attrOf(sg, 'Type') ?? ''));
      for (const fi of childrenOf(c, 'FunctionImport')) {
        const name = attrOf(fi, 'Name') ?? '';
        const target = attrOf(fi, 'Function');
        if (target !== undefined) imports.set(name, operations.get(qualify(target)) ?? []);
        else imports.set(name, [readV2FunctionImport(fi, qualify)]);
      }
      for (const ai of childrenOf(c, 'ActionImport')) {
        imports.set(attrOf(ai, 'Name') ?? '', operations.get(qualify(attrOf(ai, 'Action') ?? '')) ?? []);
      }
    }
  }
  // V4 imports may precede their schema's functions; resolve again now that all are read.
  for (const s of schemas) {
    for (const c of childrenOf(s, 'EntityContainer')) {
      for (const fi of [...childrenOf(c, 'FunctionImport'), ...childrenOf(c, 'ActionImport')]) {
        const target = attrOf(fi, 'Function') ?? attrOf(fi, 'Action');
        if (target !== undefined) imports.set(attrOf(fi, 'Name') ?? '', operations.get(qualify(target)) ?? []);
      }
    }
  }
  return {
    version,
    namespaces: schemas.map(s => attrOf(s, 'Namespace') ?? ''),
    entityTypes,
    complexTypes,
    entitySets,
    singletons,
    imports,
    operations
  };
}

function readProperty(p: XmlElement, qualify: (n: string) => string): EdmProperty {
  const optional = (
    name: 'MaxLength' | 'Precision' | 'Scale',
    key: 'maxLength' | 'precision' | 'scale'
  ): Record<string, string> => {
    const v = attrOf(p, name);
    return v === undefined ? {} : { [key]: v };
  };
  return {
    name: attrOf(p, 'Name') ?? '',
    type: qualify(attrOf(p, 'Type') ?? 'Edm.String'),
    nullable: attrOf(p, 'Nullable') !== 'false',
    ...optional('MaxLength', 'maxLength'),
    ...optional('Precision', 'precision'),
    ...optional('Scale', 'scale'),
    ...(attrOf(p, 'FC_KeepInContent') === 'false' && attrOf(p, 'FC_TargetPath') !== undefined
      ? { fcTargetPath: attrOf(p, 'FC_TargetPath') ?? '' }
      : {})
  };
}

function readOperation(f: XmlElement, kind: 'Function' | 'Action', qualify: (n: string) => string): EdmOperation {
  const ret = childOf(f, 'ReturnType');
  const returnType = ret === undefined ? undefined : attrOf(ret, 'Type');
  return {
    name: attrOf(f, 'Name') ?? '',
    kind,
    bound: attrOf(f, 'IsBound') === 'true',
    parameters: childrenOf(f, 'Parameter').map(p => readProperty(p, qualify)),
    ...(returnType === undefined ? {} : { returnType: qualify(returnType) })
  };
}

function readV2FunctionImport(fi: XmlElement, qualify: (n: string) => string): EdmOperation {
  const returnType = attrOf(fi, 'ReturnType');
  const httpMethod = attrOf(fi, 'HttpMethod') ?? 'GET';
  const entitySet = attrOf(fi, 'EntitySet');
  return {
    name: attrOf(fi, 'Name') ?? '',
    kind: httpMethod === 'GET' ? 'Function' : 'Action',
    bound: false,
    parameters: childrenOf(fi, 'Parameter').map(p => readProperty(p, qualify)),
    httpMethod,
    ...(returnType === undefined ? {} : { returnType: qualify(returnType) }),
    ...(entitySet === undefined ? {} : { entitySet })
  };
}
