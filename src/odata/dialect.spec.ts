import { drivePlan } from '../connector/plan';
import { JsonNumber, parseLosslessJson, stringifyJson, type LosslessObject } from './lossless-json';
import { currentEtag, etagOfEntity, getEntity } from './service';
import { v2Dialect } from './v2-dialect';
import { v4Dialect } from './v4-dialect';

const json = (text: string): LosslessObject => parseLosslessJson(text) as LosslessObject;

describe('the two OData dialects', () => {
  it('read collections from value (V4) and d.results or d (V2), with the next link and the other members', () => {
    expect(v4Dialect.collectionOf(json('{"@odata.count":2,"value":[1],"@odata.nextLink":"n"}'))).toEqual({
      items: [new JsonNumber('1')],
      next: 'n',
      annotations: { '@odata.count': new JsonNumber('2') }
    });
    expect(v2Dialect.collectionOf(json('{"d":{"results":[1],"__count":"2","__next":"n"}}'))).toEqual({
      items: [new JsonNumber('1')],
      next: 'n',
      annotations: { __count: '2' }
    });
    expect(v2Dialect.collectionOf(json('{"d":[1]}'))?.items).toHaveLength(1);
    expect(v4Dialect.collectionOf(json('{"ID":1}'))).toBeUndefined();
  });

  it('read a single entity, also one a V2 server wrapped in results', () => {
    expect(v2Dialect.singleOf(json('{"d":{"results":{"ID":1}}}'))).toEqual({ ID: new JsonNumber('1') });
    expect(v2Dialect.singleOf(json('{"d":{"ID":1}}'))).toEqual({ ID: new JsonNumber('1') });
    expect(v4Dialect.singleOf(json('{"ID":1}'))).toEqual({ ID: new JsonNumber('1') });
  });

  it('take the ETag from the body (@odata.etag, __metadata.etag), else from the header', () => {
    const header = { headers: { etag: 'W/"h"' } };
    expect(etagOfEntity(v4Dialect, json('{"@odata.etag":"W/\\"b\\""}'), header)).toBe('W/"b"');
    expect(etagOfEntity(v2Dialect, json('{"__metadata":{"etag":"W/\\"b\\""}}'), header)).toBe('W/"b"');
    expect(etagOfEntity(v4Dialect, json('{}'), header)).toBe('W/"h"');
  });

  it('write values as each version wants them: V4 IEEE754Compatible and base64url, V2 JSON verbose', () => {
    expect(stringifyJson(v4Dialect.toJsonValue('Edm.Int64', '9007199254740993', 't'))).toBe('"9007199254740993"');
    expect(v4Dialect.toJsonValue('Edm.Binary', 'a+b/', 't')).toBe('a-b_');
    expect(v2Dialect.toJsonValue('Edm.DateTime', '1992-01-01T00:00:00', 't')).toBe('/Date(694224000000)/');
    expect(v4Dialect.fromJsonValue('Edm.Binary', 'a-b_')).toBe('a+b/');
    expect(v2Dialect.fromJsonValue('Edm.Decimal', new JsonNumber('1.5E3'))).toBe('1500');
    expect(v2Dialect.fromJsonValue('Edm.String', json('{"a":1}'))).toBe('{"a":1}');
  });

  it('write the partial update with their own verb', () => {
    expect([v2Dialect.partialUpdateMethod, v4Dialect.partialUpdateMethod]).toEqual(['MERGE', 'PATCH']);
  });
});

describe('engine steps', () => {
  it('getEntity reads a 204 (a null singleton) as an empty entity', async () => {
    const entity = await drivePlan(getEntity('http://h/svc/Me', v4Dialect), async () => ({
      status: 204,
      headers: {},
      body: ''
    }));
    expect(entity).toEqual({});
  });

  it('currentEtag reads the entity first; * when it has none', async () => {
    const answer =
      (body: string, headers: Record<string, string> = {}) =>
      async () => ({ status: 200, headers, body });
    expect(
      await drivePlan(currentEtag('http://h/svc/P(1)', v2Dialect), answer('{"d":{"__metadata":{"etag":"1"}}}'))
    ).toBe('1');
    expect(await drivePlan(currentEtag('http://h/svc/P(1)', v4Dialect), answer('{}', { etag: '2' }))).toBe('2');
    expect(await drivePlan(currentEtag('http://h/svc/P(1)', v4Dialect), answer('{}'))).toBe('*');
  });
});
