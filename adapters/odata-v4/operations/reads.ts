import {
  buildQueryOptions,
  checkResumeLink,
  ConnectorError,
  entityTypeOfSet,
  entityTypeOfSingleton,
  findNavigation,
  getEntity,
  getJson,
  headerOf,
  jsonToX4,
  parseLosslessJson,
  parseXmlResponse,
  sendChecked,
  serviceRootOf,
  structuredTypeOf,
  v4Dialect,
  withQuery,
  writeX4Node,
  type EdmModel,
  type EdmNavigationProperty,
  type EdmStructuredType,
  type Operation,
  type ParamSpecs,
  type ResolvedParams,
  type X4Node,
  type XmlAttributes,
  type XmlElement
} from '../../../src/sdk';
import { queryOptionsOf, singleReadQuery, type QueryOptions } from '../envelope/query-options';
import { writeEdmx } from '../output/edmx-xml';
import { entityToX4, valueToX4 } from './entity-body';
import { required, serviceModel, v4, type V4Params } from '../params';
import { entityPath, mediaLocationOf, mediaSuffix } from './targets';
import { readCollection, serviceDocumentToX4, writeReadOutput, type ReadOutput } from './read-collection';

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
        : { root: parseXmlResponse(body, `The $metadata document of ${url}`) };
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
