import { parseXml } from '../../../src/sdk';
import { SEED_QUERY_OPTIONS } from '../testing/seed-samples';
import { readQueryOptions } from './query-options';
import { buildQueryOptions, encodeQueryValue } from '../../../src/sdk';

const options = (xml: string) => readQueryOptions(parseXml(xml));

describe('readQueryOptions / buildQueryOptions', () => {
  it('reads the seed sample: Items lists, the repeated count, $skip before $top, $format not sent', () => {
    const o = readQueryOptions(parseXml(SEED_QUERY_OPTIONS).children[0]);
    expect(o).toEqual({
      entitySet: 'Products',
      search: 'Ergo',
      top: 10,
      skip: 5,
      count: true,
      filter: 'ID le 10',
      expand: 'Category',
      select: 'ID,Description'
    });
    expect(buildQueryOptions(o)).toBe(
      '$filter=ID%20le%2010&$search=Ergo&$select=ID,Description&$expand=Category&$skip=5&$top=10&$count=true'
    );
  });

  it('treats an empty count as true, count=false as false, and accepts a repeated option that agrees or is empty', () => {
    expect(options('<QueryOptions><Parameter name="count"/></QueryOptions>').count).toBe(true);
    expect(options('<QueryOptions><Parameter name="$count" value="false"/></QueryOptions>').count).toBe(false);
    expect(
      options('<QueryOptions><Parameter name="top" value="2"/><Parameter name="$top" value="2"/></QueryOptions>').top
    ).toBe(2);
    expect(options('<QueryOptions><Parameter name="top" value="2"/><Parameter name="top"/></QueryOptions>').top).toBe(
      2
    );
  });

  // Which of two different values the user meant is unknowable: keeping one would silently drop the other.
  it('refuses a repeated option with two different values, naming both', () => {
    expect(() =>
      options('<QueryOptions><Parameter name="top" value="1"/><Parameter name="$top" value="3"/></QueryOptions>')
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining('$top is given twice, as "1" and as "3"')
      })
    );
  });

  it('percent-encodes reserved characters but keeps OData punctuation readable', () => {
    expect(encodeQueryValue("Name eq 'A&B+C #1' and Price gt 1.5")).toBe(
      "Name%20eq%20'A%26B%2BC%20%231'%20and%20Price%20gt%201.5"
    );
    expect(encodeQueryValue('"ergo screen" OR Name,Description/x:y@z$')).toBe(
      '%22ergo%20screen%22%20OR%20Name,Description/x:y@z$'
    );
    expect(buildQueryOptions({ count: false, orderby: 'Name desc,ID' })).toBe('$orderby=Name%20desc,ID');
  });

  it.each([
    [
      '<QueryOptions><Parameter name="top" value="-1"/></QueryOptions>',
      'VALUE_INVALID',
      '$top must be a non-negative integer, got "-1"'
    ],
    [
      '<QueryOptions><Parameter name="skip" value="x"/></QueryOptions>',
      'VALUE_INVALID',
      '$skip must be a non-negative integer'
    ],
    [
      '<QueryOptions><Parameter name="count" value="yes"/></QueryOptions>',
      'VALUE_INVALID',
      '$count must be true or false'
    ],
    [
      '<QueryOptions><Parameter name="format" value="text/csv"/></QueryOptions>',
      'VALUE_INVALID',
      '$format "text/csv" is not supported'
    ],
    [
      '<QueryOptions><Parameter name="levels" value="2"/></QueryOptions>',
      'ENVELOPE_INVALID',
      'Unknown query option "levels"'
    ],
    ['<QueryOptions><Option name="top"/></QueryOptions>', 'ENVELOPE_INVALID', 'may only contain <Parameter>'],
    ['<QueryOptions><Parameter value="1"/></QueryOptions>', 'ENVELOPE_INVALID', 'needs the attribute "name"']
  ])('rejects %s', (xml, code, message) => {
    expect(() => options(xml)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });

  it('accepts the formats the connector can honour (it reads JSON and answers XML)', () => {
    for (const f of ['application/xml', 'json', 'application/json;odata.metadata=minimal', 'atom']) {
      expect(() => options(`<QueryOptions><Parameter name="format" value="${f}"/></QueryOptions>`)).not.toThrow();
    }
  });
});
