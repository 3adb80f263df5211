import { drivePlan, sendingTo, type Plan } from '../connector/plan';
import type { LosslessJson } from './lossless-json';
import { readJsonCollection } from './paging';
import { v2Dialect } from './v2-dialect';
import { v4Dialect } from './v4-dialect';

/** Reads a collection against canned pages (404 for any other URL), keeping the URLs asked for. */
function serve(pages: Record<string, unknown>): {
  urls: string[];
  collect: (url: string, top?: number, root?: string) => Promise<{ items: string[]; annotations: unknown[] }>;
} {
  const urls: string[] = [];
  return {
    urls,
    async collect(url, top, root = S) {
      const items: string[] = [];
      const annotations: unknown[] = [];
      // eslint-disable-next-line require-yield
      const each = function* (page: readonly LosslessJson[], a: unknown): Plan<void> {
        annotations.push(a);
        items.push(...page.map(String));
      };
      await drivePlan(
        readJsonCollection(v4Dialect, root, url, each, top),
        sendingTo(async request => {
          urls.push(request.url);
          const body = pages[request.url];
          return body === undefined
            ? { status: 404, headers: {}, body: '{"error":{"code":"404","message":"no page"}}' }
            : { status: 200, headers: {}, body: JSON.stringify(body) };
        })
      );
      return { items, annotations };
    }
  };
}

const S = 'http://h/svc/';
const pages = {
  [`${S}Cats`]: {
    '@odata.context': '$metadata#Cats',
    '@odata.count': 5,
    '@odata.nextLink': 'Cats?%24skiptoken=2',
    value: [0, 1]
  },
  [`${S}Cats?%24skiptoken=2`]: {
    '@odata.context': '$metadata#Cats',
    '@odata.nextLink': 'http://h/abs?token=x',
    value: [2, 3]
  },
  ['http://h/abs?token=x']: { value: [4] }
};

describe('readJsonCollection (V4 server paging)', () => {
  it('follows relative and absolute nextLinks to the end; annotations come from the first page only', async () => {
    const { urls, collect } = serve(pages);
    const { items, annotations } = await collect(`${S}Cats`);
    expect(items).toEqual(['0', '1', '2', '3', '4']);
    expect(urls).toEqual([`${S}Cats`, `${S}Cats?%24skiptoken=2`, 'http://h/abs?token=x']);
    expect(annotations[0]).toEqual({ '@odata.context': '$metadata#Cats', '@odata.count': expect.anything() });
    expect(annotations[1]).toEqual({});
  });

  it.each([
    ['another host', 'http://evil.test/svc/Cats?page=2'],
    ['another port', 'http://h:8080/svc/Cats?page=2'],
    ['plain http from https', 'http://h/svc/Cats?page=2', 'https://h/svc/']
  ])('refuses a nextLink to %s instead of sending the credentials there', async (_what, next, root = S) => {
    const { urls, collect } = serve({ [`${root}Cats`]: { value: [1], '@odata.nextLink': next } });
    await expect(collect(`${root}Cats`, undefined, root)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      message: expect.stringContaining(
        `GET ${root}Cats: the service's @odata.nextLink ${next} leads away from ${new URL(root).origin}; not followed`
      )
    });
    expect(urls).toEqual([`${root}Cats`]);
  });

  it('refuses a nextLink that is not a URL, naming it', async () => {
    const { collect } = serve({ [`${S}Cats`]: { value: [1], '@odata.nextLink': 'http://[::1' } });
    await expect(collect(`${S}Cats`)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      message: expect.stringContaining('@odata.nextLink "http://[::1" is not a URL')
    });
  });

  it('follows a nextLink from http to https on the same host', async () => {
    const { urls, collect } = serve({
      [`${S}Cats`]: { value: [1], '@odata.nextLink': 'https://h/svc/Cats?page=2' },
      'https://h/svc/Cats?page=2': { value: [2] }
    });
    expect((await collect(`${S}Cats`)).items).toEqual(['1', '2']);
    expect(urls).toHaveLength(2);
  });

  it('stops as soon as $top items are there, trimming a page the server overfilled', async () => {
    const { urls, collect } = serve(pages);
    expect((await collect(`${S}Cats`, 3)).items).toEqual(['0', '1', '2']);
    expect(urls).toHaveLength(2);
  });

  it('fails with the service error when a later page fails', async () => {
    const { collect } = serve({ [`${S}Cats`]: { value: [1], '@odata.nextLink': 'gone' } });
    await expect(collect(`${S}Cats`)).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      details: { httpStatus: 404, serviceMessage: 'no page' }
    });
  });

  it('resolves relative links against the context URL (../$metadata for bound results)', () => {
    const from = {
      url: 'http://h/svc/Cats(1)/Products',
      serviceRoot: S,
      page: { '@odata.context': '../$metadata#Products' }
    };
    expect(v4Dialect.resolveNextLink('Products?$skiptoken=1', from)).toBe('http://h/svc/Products?$skiptoken=1');
    expect(v4Dialect.resolveNextLink('X?a=1', { url: 'http://h/svc/X', serviceRoot: S })).toBe('http://h/svc/X?a=1');
  });

  it('stops when a page names a page already read', async () => {
    const { collect } = serve({ [`${S}Cats`]: { value: [1], '@odata.nextLink': `${S}Cats` } });
    await expect(collect(`${S}Cats`)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      message: `Paging does not end: ${S}Cats was already read`
    });
  });
});

describe('V2 server paging', () => {
  it('reads d.results and follows __next, moving a link on the internal host onto the service URL', async () => {
    const urls: string[] = [];
    const pages: Record<string, unknown> = {
      [`${S}Cats`]: { d: { results: [1, 2], __count: '3', __next: 'http://internal:8000/svc/Cats?$skiptoken=2' } },
      [`${S}Cats?$skiptoken=2`]: { d: { results: [3] } }
    };
    const items: string[] = [];
    const annotations: unknown[] = [];
    // eslint-disable-next-line require-yield
    const plan = readJsonCollection(v2Dialect, S, `${S}Cats`, function* (page, a) {
      items.push(...page.map(String));
      annotations.push(a);
    });
    await drivePlan(
      plan,
      sendingTo(async request => {
        urls.push(request.url);
        expect(request.headers).toMatchObject({ accept: 'application/json', dataserviceversion: '2.0' });
        return { status: 200, headers: {}, body: JSON.stringify(pages[request.url]) };
      })
    );
    expect(items).toEqual(['1', '2', '3']);
    expect(urls).toEqual([`${S}Cats`, `${S}Cats?$skiptoken=2`]);
    expect(annotations[0]).toEqual({ __count: '3' });
  });

  it('refuses a __next to another host outside the service path', () => {
    expect(() => v2Dialect.resolveNextLink('http://evil.test/x?p=2', { url: `${S}Cats`, serviceRoot: S })).toThrow(
      'points to another host'
    );
  });
});
