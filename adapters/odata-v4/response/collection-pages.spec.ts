import { createMemoryCache } from '../../../src/runtime/memory-cache';
import type { HttpRequest, OperationContext, Transport } from '../../../src/sdk';
import { collectionPages, resolveNextLink } from './collection-pages';

function contextWith(pages: Record<string, unknown>): { ctx: OperationContext; urls: string[] } {
  const urls: string[] = [];
  const transport: Transport = {
    async send(request: HttpRequest) {
      urls.push(request.url);
      const body = pages[request.url];
      return body === undefined
        ? { status: 404, headers: {}, body: '{"error":{"code":"404","message":"no page"}}' }
        : { status: 200, headers: {}, body: JSON.stringify(body) };
    }
  };
  return {
    ctx: {
      params: {},
      transport,
      cache: createMemoryCache(),
      identity: 'test',
      log: () => undefined,
      now: () => new Date(0),
      addSecrets: () => undefined
    },
    urls
  };
}

async function collect(ctx: OperationContext, url: string, top?: number) {
  const items: unknown[] = [];
  const annotations: unknown[] = [];
  for await (const page of collectionPages(ctx, url, top)) {
    annotations.push(page.annotations);
    items.push(...page.items.map(String));
  }
  return { items, annotations };
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

describe('collectionPages', () => {
  it('follows relative and absolute nextLinks to the end; annotations come from the first page only', async () => {
    const { ctx, urls } = contextWith(pages);
    const { items, annotations } = await collect(ctx, `${S}Cats`);
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
    const { ctx, urls } = contextWith({ [`${root}Cats`]: { value: [1], '@odata.nextLink': next } });
    await expect(collect(ctx, `${root}Cats`)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      message: expect.stringContaining(
        `GET ${root}Cats: the service's @odata.nextLink ${next} leads away from ${new URL(root).origin}; not followed`
      )
    });
    expect(urls).toEqual([`${root}Cats`]);
  });

  it('refuses a nextLink that is not a URL, naming it', async () => {
    const { ctx } = contextWith({ [`${S}Cats`]: { value: [1], '@odata.nextLink': 'http://[::1' } });
    await expect(collect(ctx, `${S}Cats`)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      message: expect.stringContaining('@odata.nextLink "http://[::1" is not a URL')
    });
  });

  it('follows a nextLink from http to https on the same host', async () => {
    const { ctx, urls } = contextWith({
      [`${S}Cats`]: { value: [1], '@odata.nextLink': 'https://h/svc/Cats?page=2' },
      'https://h/svc/Cats?page=2': { value: [2] }
    });
    expect((await collect(ctx, `${S}Cats`)).items).toEqual(['1', '2']);
    expect(urls).toHaveLength(2);
  });

  it('stops as soon as $top items are there, trimming a page the server overfilled', async () => {
    const { ctx, urls } = contextWith(pages);
    expect((await collect(ctx, `${S}Cats`, 3)).items).toEqual(['0', '1', '2']);
    expect(urls).toHaveLength(2);
  });

  it('fails with the service error when a later page fails', async () => {
    const { ctx } = contextWith({ [`${S}Cats`]: { value: [1], '@odata.nextLink': 'gone' } });
    await expect(collect(ctx, `${S}Cats`)).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      details: { httpStatus: 404, serviceMessage: 'no page' }
    });
  });

  it('resolves relative links against the context URL (../$metadata for bound results)', () => {
    expect(resolveNextLink('Products?$skiptoken=1', 'http://h/svc/Cats(1)/Products', '../$metadata#Products')).toBe(
      'http://h/svc/Products?$skiptoken=1'
    );
    expect(resolveNextLink('X?a=1', 'http://h/svc/X', undefined)).toBe('http://h/svc/X?a=1');
  });
});
