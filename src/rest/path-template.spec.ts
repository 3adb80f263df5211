import { buildQueryString, expandPathTemplate, joinUrl } from './path-template';

describe('path templates', () => {
  it('expands placeholders, each encoded as one segment', () => {
    expect(
      expandPathTemplate('/v2/{project_id}/data-connectors/{connector_id}', { project_id: 'p1', connector_id: 'a/b c' })
    ).toBe('/v2/p1/data-connectors/a%2Fb%20c');
  });

  it('refuses a missing or blank placeholder value, naming it', () => {
    expect(() => expandPathTemplate('/a/{id}', {})).toThrow('/a/{id} needs a value for {id}');
    expect(() => expandPathTemplate('/a/{id}', { id: ' ' })).toThrow('{id}');
  });

  it('builds query strings in order, leaving out undefined values, with a chosen separator', () => {
    expect(
      buildQueryString([
        ['a', '1 2'],
        ['b', undefined],
        ['c', '&']
      ])
    ).toBe('a=1%202&c=%26');
    expect(
      buildQueryString(
        [
          ['type', 'all'],
          ['isOData', 'true']
        ],
        ';'
      )
    ).toBe('type=all;isOData=true');
  });

  it('joins base URLs with or without trailing slashes', () => {
    expect(joinUrl('https://h/base/', '/x', 'q=1')).toBe('https://h/base/x?q=1');
    expect(joinUrl('https://h', '/x')).toBe('https://h/x');
  });
});
