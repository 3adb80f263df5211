import {
  ConnectorError,
  encodePathLiteral,
  encodeQueryValue,
  entityTypeOfSet,
  envelopeError,
  findNavigation,
  findProperty,
  formatKeyPredicate,
  keysOf,
  v2Dialect,
  type EdmModel,
  type EdmStructuredType
} from '../../../src/sdk';
import {
  entitySetOfType,
  keyOfEntity,
  propertiesOf,
  type EntityPayload,
  type LinkPayload
} from '../envelope/entity-payload';

/** `Products`, `Products(1)` (key: the predicate as written, without parentheses), `$count`. */
export interface PathSegment {
  readonly name: string;
  readonly key?: string;
}

export interface ResolvedPath {
  readonly entitySet: string;
  readonly type: EdmStructuredType;
  /** No key on the last entity segment, or a to-many navigation. */
  readonly collection: boolean;
  readonly count: boolean;
  readonly encoded: string;
  readonly segments: readonly PathSegment[];
  /** After a navigation (`Categories(1)/Products`): the addressed type's properties holding the parent's key. */
  readonly parentForeignKeys: readonly string[];
}

// Slashes inside quoted key literals do not split.
export function splitResourcePath(path: string): PathSegment[] {
  const texts = splitOutsideQuotes(path.trim().replace(/^\/+/, ''), '/');
  if (texts[texts.length - 1] === '') texts.pop();
  return texts.map(text => parseSegment(text, path));
}

export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function parseSegment(text: string, path: string): PathSegment {
  const m = /^(\$?[A-Za-z_][\w.]*)(?:\((.*)\))?$/s.exec(text.trim());
  if (m === null || m[1] === undefined)
    throw envelopeError(
      `resourcePath "${path}": "${text}" is not a valid path segment (Name or Name(key))`,
      'resourcePath'
    );
  return m[2] === undefined ? { name: m[1] } : { name: m[1], key: m[2] };
}

export function resolveResourcePath(model: EdmModel, path: string): ResolvedPath {
  const segments = splitResourcePath(path);
  const [first, ...rest] = segments;
  if (first === undefined)
    throw new ConnectorError('PARAMETER_MISSING', 'resourcePath is empty; name an entity set, e.g. Products', {
      target: 'resourcePath'
    });
  let entitySet = first.name;
  let type = entityTypeOfSet(model, entitySet);
  let collection = first.key === undefined;
  let count = false;
  let parentForeignKeys: readonly string[] = [];
  for (const [i, segment] of rest.entries()) {
    if (segment.name === '$count' && i === rest.length - 1) {
      count = true;
      break;
    }
    const navigation = findNavigation(model, type, segment.name);
    if (navigation === undefined) {
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `resourcePath "${path}": ${type.qualifiedName} has no navigation property "${segment.name}"; its navigation properties: ${[...type.navigation.keys()].join(', ') || '(none)'}`,
        { target: 'resourcePath' }
      );
    }
    const target = model.entityTypes.get(navigation.target);
    if (target === undefined)
      throw new ConnectorError(
        'MODEL_MISMATCH',
        `resourcePath "${path}": the target type ${navigation.target} is not declared`,
        { target: 'resourcePath' }
      );
    type = target;
    parentForeignKeys = navigation.targetForeignKeys ?? [];
    entitySet = entitySetOfType(model, target.qualifiedName) ?? segment.name;
    collection = navigation.collection && segment.key === undefined;
  }
  return { entitySet, type, collection, count, encoded: encodeResourcePath(path), segments, parentForeignKeys };
}

// Inside a quoted literal (`Products('A/B')`) URL delimiters too (`/&?#+%`), as OData and SAP (UI5, SuccessFactors
// KBA 2819492) require: a bare `/` would split the key. A literal already holding percent escapes is kept.
export function encodeResourcePath(path: string): string {
  const text = path.trim().replace(/^\/+/, '');
  let encoded = '';
  let literal = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") {
      if (quoted) encoded += encodeLiteralText(literal);
      literal = '';
      quoted = !quoted;
      encoded += ch;
    } else if (quoted) literal += ch;
    else encoded += encodeURI(ch).replace(/\?/g, '%3F').replace(/#/g, '%23');
  }
  return encoded + (quoted ? encodeLiteralText(literal) : '');
}

function encodeLiteralText(text: string): string {
  return /%[0-9A-Fa-f]{2}/.test(text) ? text : encodePathLiteral(text);
}

// Part by part; parts already holding percent escapes are kept.
export function encodeQueryOptions(raw: string | undefined): string {
  if (raw === undefined) return '';
  const text = raw.trim().replace(/^\?/, '');
  // An & inside a quoted literal ($filter=Name eq 'Tom & Jerry') belongs to the value; with unbalanced
  // quotes (a bare O'Neil in a custom option) every & separates.
  const balanced = (text.match(/'/g)?.length ?? 0) % 2 === 0;
  return (balanced ? splitOutsideQuotes(text, '&') : text.split('&'))
    .filter(p => p !== '')
    .map(pair => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? encodeQueryComponent(pair)
        : `${encodeQueryComponent(pair.slice(0, eq))}=${encodeQueryComponent(pair.slice(eq + 1))}`;
    })
    .join('&');
}

function encodeQueryComponent(text: string): string {
  return /%[0-9A-Fa-f]{2}/.test(text) ? text : encodeQueryValue(text);
}

export function entityPath(model: EdmModel, entity: EntityPayload): string {
  return `${entity.entitySet}${formatKeyPredicate(keyOfEntity(model, entity), v2Dialect)}`;
}

/** Undefined unless the payload has its whole key. */
export function entityUri(model: EdmModel, entity: EntityPayload): string | undefined {
  const keys = keysOf(model, entity.type);
  const whole = keys.every(name =>
    entity.properties.some(p => p.name === name && p.kind === 'primitive' && p.value !== null)
  );
  return keys.length > 0 && whole ? entityPath(model, entity) : undefined;
}

export function linkUri(link: LinkPayload): string {
  return `${link.entitySet}${formatKeyPredicate(link.keys, v2Dialect)}`;
}

/** Text that is not valid percent-encoding is taken as written. */
export function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type NamedOption = '$select' | '$expand' | '$orderby';

// So a typo fails before anything is sent. `at`: where the query was given, if not in queryOptions (a batch
// part's uri).
export function checkQueryNames(model: EdmModel, type: EdmStructuredType, query: string, at?: string): void {
  for (const option of query.split('&')) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    if (name !== '$select' && name !== '$expand' && name !== '$orderby') continue;
    for (const item of decodeLenient(option.slice(eq + 1).replace(/\+/g, ' '))
      .split(',')
      .map(p => p.trim())
      .filter(p => p !== '')) {
      const path = name === '$orderby' ? item.replace(/\s+(asc|desc)$/i, '').trim() : item;
      checkPath(model, type, name, path, at);
    }
  }
}

function checkPath(model: EdmModel, root: EdmStructuredType, option: NamedOption, path: string, at?: string): void {
  const segments = path.split('/').map(s => s.trim());
  let type = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (option === '$select' && last && segment === '*') return;
    // an $orderby item ends in a property: a navigation there orders by nothing
    const navigation = option === '$orderby' && last ? undefined : findNavigation(model, type, segment);
    if (navigation !== undefined) {
      const target = model.entityTypes.get(navigation.target);
      if (target === undefined) return;
      type = target;
      continue;
    }
    const property = option === '$expand' ? undefined : findProperty(model, type, segment);
    if (option === '$select' && last && property !== undefined) return;
    if (option === '$orderby' && property !== undefined) {
      const complex = model.complexTypes.get(property.type);
      if (last && complex === undefined) return;
      if (!last && complex !== undefined) {
        type = complex;
        continue;
      }
    }
    const declared =
      option === '$expand'
        ? [...type.navigation.keys()]
        : option === '$orderby' && last
          ? propertiesOf(model, type).map(p => p.name)
          : [...propertiesOf(model, type).map(p => p.name), ...type.navigation.keys()];
    const what =
      option === '$expand' || !last
        ? 'navigation property'
        : option === '$orderby'
          ? 'property'
          : 'property or navigation property';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `${at === undefined ? '' : `${at}: `}${option}=${path}: ${type.qualifiedName} has no ${what} "${segment}"; it declares: ${declared.join(', ') || '(none)'}`,
      { target: at ?? option }
    );
  }
}
