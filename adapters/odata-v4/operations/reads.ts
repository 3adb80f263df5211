import {
  buildQueryOptions,
  ConnectorError,
  entityTypeOfSet,
  entityTypeOfSingleton,
  findNavigation,
  getEntity,
  getJson,
  headerOf,
  parseLosslessJson,
  parseXml,
  readJsonCollection,
  sendChecked,
  structuredTypeOf,
  v4Dialect,
  withQuery,
  writeX4Node,
  x4Value,
  type EdmModel,
  type EdmNavigationProperty,
  type EdmStructuredType,
  type LosslessJson,
  type Operation,
  type Plan,
  type X4Node,
  type XmlAttributes,
  type XmlElement
} from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery, type QueryOptions } from '../envelope/query-options';
import { writeEdmx } from '../output/edmx-xml';
import { writeReadOutput, type CollectionOutput, type ReadOutput } from '../output/read-output';
import { serviceDocumentToX4 } from '../output/service-document';
import { entityToX4, untyped, valueToX4 } from '../output/typed-x4';
import { required, rootOf, serviceModel, v4, type V4Params } from '../params';
import { mediaLocationOf, mediaSuffix } from './media-location';
import { entityPath } from './targets';

/** What an entity read addresses, relative to the service root: a collection, or one entity, of a type. */
interface ReadTarget {
  readonly path: string;
  readonly many: boolean;
  /** The entity (or item) type; undefined for `$ref` reads, which are typed by their JSON. */
  readonly type?: string;
}

const NO_OPTIONS: QueryOptions = { count: false };

/** One entity read: `read` checks the parameters before `$metadata` is loaded, `target` says what it addresses. */
function entityRead<Input>(
  name: string,
  spec: {
    readonly description: string;
    readonly envelope?: 'none';
    read(options: QueryOptions, params: V4Params, need: (value: string | undefined, param: string) => string): Input;
    target(input: Input, model: EdmModel): ReadTarget;
  }
): Operation {
  return v4.define({
    description: spec.description,
    ...(spec.envelope === 'none'
      ? { envelope: 'none' as const }
      : { envelope: 'optional' as const, roots: ['Request', 'QueryOptions'] }),
    model: serviceModel,
    read(envelope, params) {
      const options = spec.envelope === 'none' ? NO_OPTIONS : queryOptionsOf(envelope);
      return { input: spec.read(options, params, (value, param) => required(value, param, name)), options };
    },
    *plan({ input, options }, { params, model }) {
      const root = rootOf(params);
      const { path, many, type } = spec.target(input, model);
      const url = `${root}${path}`;
      if (!many) {
        const json = yield* getEntity(`${url}${singleReadQuery(options)}`, v4Dialect);
        const output: ReadOutput = { kind: 'node', node: entityToX4(model, structuredTypeOf(model, type), json) };
        return { status: 1, output };
      }
      const query = withQuery(url, buildQueryOptions(options));
      const output = yield* readCollection(root, query, item => valueToX4(model, type, item), options.top);
      return { status: 1, output: yield* withCount(output, url, options) };
    },
    write: writeReadOutput
  });
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
      const url = `${rootOf(params)}$metadata`;
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
        ? { node: untyped(parseLosslessJson(body), undefined) }
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
      return { status: 1, output: serviceDocumentToX4(yield* getJson(rootOf(params), v4Dialect)) };
    },
    write: writeReadOutput
  }),
  // Follows `@odata.nextLink` to the end (or $top items); `$count` asks `Set/$count` when the service leaves it out.
  ReadEntitySet: entityRead('ReadEntitySet', {
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
    read: (options, p, need) => ({
      entitySet: options.entitySet ?? need(p.entitySet, 'entitySet'),
      entityId: need(p.entityId, 'entityId')
    }),
    target: ({ entitySet, entityId }, model) => {
      const { path, type } = entityPath(model, entitySet, entityId);
      return { path, many: false, type: type.qualifiedName };
    }
  }),
  // A to-many navigation reads like an entity set, a to-one like a single entity (a 204 is an empty `<Object/>`).
  ReadNavigationEntity: entityRead('ReadNavigationEntity', {
    description:
      'Reads the entity or entities a navigation property of an entity leads to (entitySet, entityId, navigationProperty)',
    read: (options, p, need) => ({
      entitySet: options.entitySet ?? need(p.entitySet, 'entitySet'),
      entityId: need(p.entityId, 'entityId'),
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
    read: (_options, p, need) => ({
      entitySet: need(p.entitySet, 'entitySet'),
      entityId: need(p.entityId, 'entityId'),
      association: need(p.association, 'association')
    }),
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
      if (singletonId !== undefined && options.entitySet !== undefined && options.entitySet !== singletonId) {
        throw new ConnectorError(
          'PARAMETER_INVALID',
          `<QueryOptions entitySet="${options.entitySet}"> and the parameter singletonId "${singletonId}" name different singletons; give it one way`,
          { target: 'singletonId' }
        );
      }
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
      const url = `${rootOf(params)}${path}${mediaSuffix(mediaLocationOf(model, type, mediaProperty))}`;
      const response = yield* sendChecked({ method: 'GET', url, headers: { accept: '*/*' }, responseType: 'binary' });
      const bytes = response.bytes ?? new Uint8Array(Buffer.from(response.body, 'base64'));
      const contentType = headerOf(response, 'content-type') ?? '';
      return {
        status: 1,
        output: { contentType, base64: Buffer.from(bytes).toString('base64'), length: bytes.length }
      };
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

/** Reads a whole collection into X4 output, following server paging, decoding page by page. */
export function* readCollection(
  root: string,
  url: string,
  decodeItem: (item: LosslessJson) => X4Node,
  top?: number
): Plan<CollectionOutput> {
  let annotations: X4Node[] = [];
  const pages: X4Node[][] = [];
  yield* readJsonCollection(
    v4Dialect,
    root,
    url,
    (items, first) => {
      if (pages.length === 0)
        annotations = Object.entries(first).map(([k, v]) => untyped(v, k, k === '@odata.count' ? 'Number' : 'String'));
      pages.push(items.map(decodeItem));
    },
    top
  );
  return { kind: 'collection', annotations, pages };
}

/** `$count` asked and left out by the service: `collection/$count` with the same $filter/$search is asked. */
function* withCount(output: CollectionOutput, collectionUrl: string, options: QueryOptions): Plan<CollectionOutput> {
  if (!options.count || output.annotations.some(a => a.kind === 'value' && a.name === '@odata.count')) return output;
  const url = withQuery(`${collectionUrl}/$count`, buildQueryOptions(options, ['filter', 'search']));
  const response = yield* sendChecked({ method: 'GET', url, headers: { accept: 'text/plain' } });
  const total = response.body.trim();
  if (!/^\d+$/.test(total))
    throw new ConnectorError('RESPONSE_INVALID', `GET ${url} answered "${total.slice(0, 60)}", not a count`, { url });
  const count = x4Value('@odata.count', 'Number', total);
  const [context, ...rest] = output.annotations;
  return { ...output, annotations: context === undefined ? [count] : [context, count, ...rest] };
}
