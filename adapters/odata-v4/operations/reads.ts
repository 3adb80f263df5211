import {
  buildQueryOptions,
  checkResumeLink,
  ConnectorError,
  emit,
  entityTypeOfSet,
  entityTypeOfSingleton,
  findNavigation,
  getEntity,
  getJson,
  headerOf,
  isLosslessObject,
  jsonToX4,
  parseLosslessJson,
  parseXml,
  readJsonCollection,
  sendChecked,
  serviceRootOf,
  structuredTypeOf,
  v4Dialect,
  withQuery,
  writeX4Node,
  x4Value,
  type EdmModel,
  type EdmNavigationProperty,
  type EdmStructuredType,
  type LosslessJson,
  type LosslessObject,
  type Operation,
  type ParamSpecs,
  type Plan,
  type ResolvedParams,
  type X4Node,
  type XmlAttributes,
  type XmlElement,
  type XmlWriter
} from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery, type QueryOptions } from '../envelope/x4-envelope';
import { writeEdmx } from '../output/edmx-xml';
import { entityToX4, untyped, valueToX4 } from './entity-body';
import { required, serviceModel, v4, type V4Params } from '../params';
import { entityPath, mediaLocationOf, mediaSuffix } from './targets';

type Need = (value: string | undefined, param: string) => string;

/** Page by page, as CPI's "process in pages": one page per call, and the link to pass back for the next. */
const pageParams = {
  processInPages: {
    type: 'boolean',
    default: 'false',
    description: 'Read one page only; the output ends with the @odata.nextLink to pass back as nextLink'
  },
  nextLink: { type: 'url', description: 'Process in pages: the @odata.nextLink of the previous page' }
} as const satisfies ParamSpecs;

/** One entity read: `read` checks the parameters before `$metadata` is loaded, `target` says what it addresses. */
function entityRead<Input>(
  name: string,
  spec: {
    readonly description: string;
    readonly envelope?: 'none';
    /** Collections it reads may be read page by page (processInPages, nextLink). */
    readonly paged?: true;
    read(options: QueryOptions, params: V4Params, need: Need): Input;
    /** The path under the service root, one entity or many, and the entity (or item) type (none for `$ref`). */
    target(input: Input, model: EdmModel): { readonly path: string; readonly many: boolean; readonly type?: string };
  }
): Operation {
  return v4.define({
    description: spec.description,
    ...(spec.envelope === 'none'
      ? { envelope: 'none' as const }
      : { envelope: 'optional' as const, roots: ['Request', 'QueryOptions'] }),
    ...(spec.paged === true ? { params: pageParams } : {}),
    model: serviceModel,
    read(envelope, params) {
      const options: QueryOptions = spec.envelope === 'none' ? { count: false } : queryOptionsOf(envelope);
      // only the paged reads declare processInPages and nextLink
      const { processInPages, nextLink } = params as ResolvedParams;
      const paging = {
        onePage: processInPages === true,
        nextLink: typeof nextLink === 'string' ? nextLink : undefined
      };
      const input = spec.read(options, params, (value, param) => required(value, param, name));
      return { input, options, paging };
    },
    *plan({ input, options, paging }, { params, model }) {
      const root = serviceRootOf(params.serviceUrl);
      const { path, many, type } = spec.target(input, model);
      const url = `${root}${path}`;
      if (!many) {
        if (paging.onePage || paging.nextLink !== undefined)
          throw new ConnectorError(
            'PARAMETER_INVALID',
            `${path} is one entity, not a collection: processInPages and nextLink do not apply`,
            { target: paging.nextLink === undefined ? 'processInPages' : 'nextLink' }
          );
        const json = yield* getEntity(`${url}${singleReadQuery(options)}`, v4Dialect);
        return { status: 1, output: entityToX4(model, structuredTypeOf(model, type), json) };
      }
      const first =
        paging.nextLink === undefined
          ? withQuery(url, buildQueryOptions(options))
          : checkResumeLink(root, paging.nextLink, 'nextLink');
      const output: ReadOutput = yield* readCollection(root, first, item => valueToX4(model, type, item), {
        top: options.top,
        limit: paging.onePage ? 1 : undefined,
        countUrl: options.count
          ? withQuery(`${url}/$count`, buildQueryOptions(options, ['filter', 'search']))
          : undefined
      });
      return { status: 1, output };
    },
    write: writeReadOutput
  });
}

/** An entity by key: entitySet (or `<QueryOptions entitySet>`) and entityId. */
function keyedRead(options: QueryOptions, p: V4Params, need: Need): { entitySet: string; entityId: string } {
  return { entitySet: options.entitySet ?? need(p.entitySet, 'entitySet'), entityId: need(p.entityId, 'entityId') };
}

function navigationOf(model: EdmModel, type: EdmStructuredType, name: string, param: string): EdmNavigationProperty {
  const nav = findNavigation(model, type, name);
  if (nav !== undefined) return nav;
  throw new ConnectorError(
    'MODEL_MISMATCH',
    `${type.qualifiedName} has no navigation property "${name}"; its navigation properties: ${[...type.navigation.keys()].join(', ') || '(none)'}`,
    { target: param }
  );
}

export const readOperations = {
  ReadMetadata: v4.define({
    description: 'Reads the service metadata document (contentTypeMetadata: application/xml or application/json)',
    envelope: 'none',
    read: (_envelope, params) => ({ json: params.contentTypeMetadata === 'application/json' }),
    *plan({ json }, { params }) {
      const url = `${serviceRootOf(params.serviceUrl)}$metadata`;
      const accept = json ? 'application/json' : 'application/xml';
      const response = yield* sendChecked({ method: 'GET', url, headers: { accept } });
      const body = response.body.replace(/^\uFEFF/, '');
      // An empty answer (a dry run's 204 too) is no document; say so rather than blame an envelope.
      if (body.trim() === '')
        throw new ConnectorError(
          'RESPONSE_INVALID',
          `GET ${url} answered ${response.status} without a metadata document`,
          { url }
        );
      const output: { readonly node: X4Node } | { readonly root: XmlElement } = json
        ? { node: jsonToX4(parseLosslessJson(body)) }
        : { root: parseXml(body) };
      return { status: 1, output };
    },
    write: (output, w) => ('root' in output ? writeEdmx(w, output.root) : writeX4Node(w, output.node))
  }),
  ReadCollections: v4.define({
    description: 'Lists the entity sets, singletons and function imports of the service document',
    envelope: 'none',
    read: () => ({}),
    *plan(_input, { params }) {
      return { status: 1, output: serviceDocumentToX4(yield* getJson(serviceRootOf(params.serviceUrl), v4Dialect)) };
    },
    write: writeReadOutput
  }),
  // Follows `@odata.nextLink` to the end (or $top items); `$count` asks `Set/$count` when the service leaves it out.
  ReadEntitySet: entityRead('ReadEntitySet', {
    paged: true,
    description:
      'Reads an entity set with query options ($filter $search $orderby $select $expand $skip $top $count), following server paging',
    read: (options, p, need) => ({ entitySet: options.entitySet ?? need(p.entitySet, 'entitySet') }),
    target: ({ entitySet }, model) => ({
      path: encodeURIComponent(entitySet),
      many: true,
      type: entityTypeOfSet(model, entitySet).qualifiedName
    })
  }),
  ReadSingleEntity: entityRead('ReadSingleEntity', {
    description: 'Reads one entity by its key (entitySet, entityId)',
    read: keyedRead,
    target: ({ entitySet, entityId }, model) => {
      const { path, type } = entityPath(model, entitySet, entityId);
      return { path, many: false, type: type.qualifiedName };
    }
  }),
  // A to-many navigation reads like an entity set, a to-one like a single entity (a 204 is an empty `<Object/>`).
  ReadNavigationEntity: entityRead('ReadNavigationEntity', {
    paged: true,
    description:
      'Reads the entity or entities a navigation property of an entity leads to (entitySet, entityId, navigationProperty)',
    read: (options, p, need) => ({
      ...keyedRead(options, p, need),
      navigationProperty: need(p.navigationProperty, 'navigationProperty')
    }),
    target: ({ entitySet, entityId, navigationProperty }, model) => {
      const { path, type } = entityPath(model, entitySet, entityId);
      const nav = navigationOf(model, type, navigationProperty, 'navigationProperty');
      return { path: `${path}/${encodeURIComponent(navigationProperty)}`, many: nav.collection, type: nav.target };
    }
  }),
  // `Set(key)/Nav/$ref`: the `@odata.id` of the related entities; a to-one without a target (204) is `<Object/>`.
  ReadAssociation: entityRead('ReadAssociation', {
    description:
      'Reads the references ($ref) of the entities related through a navigation property (entitySet, entityId, association)',
    envelope: 'none',
    read: (options, p, need) => ({ ...keyedRead(options, p, need), association: need(p.association, 'association') }),
    target: ({ entitySet, entityId, association }, model) => {
      const { path, type } = entityPath(model, entitySet, entityId);
      const nav = navigationOf(model, type, association, 'association');
      return { path: `${path}/${encodeURIComponent(association)}/$ref`, many: nav.collection };
    }
  }),
  // singletonId, or `<QueryOptions entitySet>` as its name.
  ReadSingleton: entityRead('ReadSingleton', {
    description: 'Reads a singleton (singletonId)',
    read(options, { singletonId }, need) {
      if (singletonId !== undefined && options.entitySet !== undefined && options.entitySet !== singletonId)
        throw new ConnectorError(
          'PARAMETER_INVALID',
          `<QueryOptions entitySet="${options.entitySet}"> and the parameter singletonId "${singletonId}" name different singletons; give it one way`,
          { target: 'singletonId' }
        );
      return { singleton: singletonId ?? need(options.entitySet, 'singletonId') };
    },
    target: ({ singleton }, model) => ({
      path: encodeURIComponent(singleton),
      many: false,
      type: entityTypeOfSingleton(model, singleton).qualifiedName
    })
  }),
  // `Set(key)/$value` (or the stream property) as `<Media contentType encoding="base64" length>`.
  ReadMediaEntity: v4.define({
    description: 'Reads the media of an entity (entitySet, entityId) as base64',
    envelope: 'none',
    model: serviceModel,
    read: (_envelope, params) => ({
      entitySet: required(params.entitySet, 'entitySet', 'ReadMediaEntity'),
      entityId: required(params.entityId, 'entityId', 'ReadMediaEntity'),
      mediaProperty: params.mediaProperty
    }),
    *plan({ entitySet, entityId, mediaProperty }, { params, model }) {
      const { path, type } = entityPath(model, entitySet, entityId);
      const url = `${serviceRootOf(params.serviceUrl)}${path}${mediaSuffix(mediaLocationOf(model, type, mediaProperty))}`;
      const response = yield* sendChecked({ method: 'GET', url, headers: { accept: '*/*' }, responseType: 'binary' });
      const bytes = response.bytes ?? new Uint8Array(Buffer.from(response.body, 'base64'));
      const contentType = headerOf(response, 'content-type') ?? '';
      const base64 = Buffer.from(bytes).toString('base64');
      return { status: 1, output: { contentType, base64, length: bytes.length } };
    },
    write(output, w) {
      // no Content-Type (a 204 for an entity without media): none is claimed
      const attributes: XmlAttributes = [
        ['contentType', output.contentType === '' ? undefined : output.contentType],
        ['encoding', 'base64'],
        ['length', String(output.length)]
      ];
      w.leaf('Media', attributes, output.base64 === '' ? undefined : output.base64);
    }
  })
} satisfies Record<string, Operation>;

/**
 * Follows server paging and writes each page as it comes (memory holds one page), the annotations with the first:
 * `top` items, `limit` pages at most; `countUrl` is asked when `$count` was and the service left `@odata.count` out.
 */
export function* readCollection(
  root: string,
  url: string,
  decodeItem: (item: LosslessJson) => X4Node,
  how: { top?: number | undefined; limit?: number | undefined; countUrl?: string | undefined } = {}
): Plan<StreamedCollection> {
  let opened = false;
  const nextLink = yield* readJsonCollection(
    v4Dialect,
    root,
    url,
    function* (items, first) {
      if (!opened) {
        const annotations = Object.entries(first).map(([k, v]) =>
          untyped(v, k, k === '@odata.count' ? 'Number' : 'String')
        );
        if (how.countUrl !== undefined && !('@odata.count' in first))
          annotations.splice(annotations.length === 0 ? 0 : 1, 0, yield* countOf(how.countUrl));
        yield* emit(w => {
          w.open('Object');
          for (const a of annotations) writeX4Node(w, a);
          w.open('Array', [['name', 'value']]);
        });
        opened = true;
      }
      const nodes = items.map(decodeItem);
      yield* emit(w => nodes.forEach(node => writeX4Node(w, node)), nodes.length);
    },
    how.top,
    how.limit
  );
  return { kind: 'streamed', nextLink };
}

/** A collection already written page by page; the write closes it, with the `@odata.nextLink` of a one-page read. */
interface StreamedCollection {
  readonly kind: 'streamed';
  readonly nextLink?: string | undefined;
}

export type ReadOutput = X4Node | StreamedCollection;

export function writeReadOutput(output: ReadOutput, w: XmlWriter): void {
  if (output.kind !== 'streamed') return writeX4Node(w, output);
  w.close();
  // a next link follows the items, as in the JSON
  if (output.nextLink !== undefined) writeX4Node(w, x4Value('@odata.nextLink', 'String', output.nextLink));
  w.close();
}

/** The service document as an `<Object>` per entry: `name`, `url`, and `kind` unless EntitySet (as the seed prints it). */
export function serviceDocumentToX4(json: LosslessObject): X4Node {
  const context = json['@odata.context'];
  const value = Array.isArray(json['value']) ? json['value'] : [];
  // members that are not strings, and entries that are not objects, are left out rather than guessed at
  const items: X4Node[] = value.filter(isLosslessObject).map(entry => {
    const members: X4Node[] = [];
    for (const key of ['name', 'url', 'kind'] as const) {
      const v = entry[key];
      if (typeof v === 'string' && !(key === 'kind' && v === 'EntitySet')) members.push(x4Value(key, 'String', v));
    }
    return { kind: 'object', members };
  });
  const annotations = typeof context === 'string' ? [x4Value('@odata.context', 'String', context)] : [];
  return { kind: 'object', members: [...annotations, { kind: 'array', name: 'value', items }] };
}

/** `collection/$count`, asked when `$count` was and the service left `@odata.count` out. */
function* countOf(url: string): Plan<X4Node> {
  const response = yield* sendChecked({ method: 'GET', url, headers: { accept: 'text/plain' } });
  const total = response.body.trim();
  if (!/^\d+$/.test(total))
    throw new ConnectorError('RESPONSE_INVALID', `GET ${url} answered "${total.slice(0, 60)}", not a count`, { url });
  return x4Value('@odata.count', 'Number', total);
}
