import { DETAILS } from './dataworks-test-checks';

/** What an action of the stand-in answers: `Data` on success, or an error code and message. */
export type ActionResult =
  { readonly data: unknown } | { readonly status: number; readonly code: string; readonly message: string };

type Api = Record<string, unknown> & { ApiId: number; ProjectId: number; Status: number };

const notFound: ActionResult = { status: 400, code: 'Invalid.Api.NotExists', message: 'The API does not exist.' };
// GetDataServiceApi answers *Details as objects with PascalCase keys (its response model), whatever case was sent.
const pascal = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(pascal)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]))
      : value;

const DEFINITION = [
  'ApiName',
  'GroupId',
  'RequestMethod',
  'ResponseContentType',
  'Timeout',
  'VisibleRange',
  'ApiPath',
  'ApiDescription',
  'ApiMode',
  'TenantId',
  'ResourceGroupId',
  'FolderId',
  'SqlMode',
  'RequestContentType'
];
const NUMERIC = new Set([
  'RequestMethod',
  'ResponseContentType',
  'Timeout',
  'VisibleRange',
  'ApiMode',
  'TenantId',
  'ResourceGroupId',
  'FolderId',
  'SqlMode',
  'RequestContentType'
]);

function definitionOf(params: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of DEFINITION) {
    const v = params.get(name);
    if (v !== undefined) out[name] = NUMERIC.has(name) ? Number(v) : v;
  }
  const protocols = params.get('Protocols');
  if (protocols !== undefined) out['Protocols'] = protocols.split(',').map(Number);
  for (const d of DETAILS) {
    const v = params.get(d);
    if (v !== undefined) out[d] = pascal(JSON.parse(v));
  }
  return out;
}

/**
 * The stand-in's DataService Studio: APIs kept in memory per workspace. ApiId 10000 in workspace 10001
 * exists from the start (a wizard API in development); created APIs get 10002, 10003, …
 */
export function createTestDataService(): (action: string, params: ReadonlyMap<string, string>) => ActionResult {
  const apis = new Map<number, Api>([
    [
      10000,
      {
        ApiId: 10000,
        ProjectId: 10001,
        Status: 0,
        ApiName: 'person_by_id',
        ApiPath: '/test/2',
        ApiMode: 0,
        GroupId: 'ac8d9f3e',
        CreatorId: '1234'
      }
    ]
  ]);
  let nextId = 10002;
  const find = (params: ReadonlyMap<string, string>): Api | undefined => {
    const api = apis.get(Number(params.get('ApiId')));
    return api !== undefined && api.ProjectId === Number(params.get('ProjectId')) ? api : undefined;
  };
  return (action, params) => {
    const projectId = Number(params.get('ProjectId'));
    switch (action) {
      case 'CreateDataServiceApi': {
        const path = params.get('ApiPath');
        if ([...apis.values()].some(a => a.ProjectId === projectId && a['ApiPath'] === path))
          return { status: 400, code: 'Invalid.Api.PathExists', message: `The API path ${path ?? ''} already exists.` };
        const api: Api = {
          ...definitionOf(params),
          ApiId: nextId++,
          ProjectId: projectId,
          Status: 0,
          CreatorId: '1234'
        };
        apis.set(api.ApiId, api);
        return { data: api.ApiId };
      }
      case 'UpdateDataServiceApi': {
        const api = find(params);
        if (api === undefined) return notFound;
        Object.assign(api, definitionOf(params));
        return { data: true };
      }
      case 'GetDataServiceApi': {
        const api = find(params);
        return api === undefined ? notFound : { data: api };
      }
      case 'PublishDataServiceApi': {
        const api = find(params);
        if (api === undefined) return notFound;
        api.Status = 1;
        return { data: true };
      }
      case 'DeleteDataServiceApi': {
        const api = find(params);
        if (api === undefined) return notFound;
        apis.delete(api.ApiId);
        return { data: true };
      }
      default: {
        const [name, path] = [params.get('ApiNameKeyword'), params.get('ApiPathKeyword')];
        const matching = [...apis.values()].filter(
          a =>
            a.ProjectId === projectId &&
            (name === undefined || String(a['ApiName']).includes(name)) &&
            (path === undefined || String(a['ApiPath']).includes(path))
        );
        const [pageNumber, pageSize] = [Number(params.get('PageNumber') ?? 1), Number(params.get('PageSize') ?? 10)];
        const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        const Apis = page.map(a => ({
          ApiId: a.ApiId,
          ApiName: a['ApiName'],
          ApiPath: a['ApiPath'],
          ApiMode: a['ApiMode'],
          Status: a.Status,
          CreatorId: a['CreatorId']
        }));
        return { data: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: matching.length, Apis } };
      }
    }
  };
}
