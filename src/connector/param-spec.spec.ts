import { resolveParams, secretValues, type ParamSpecs } from './param-spec';

const specs: ParamSpecs = {
  serviceUrl: { type: 'url', required: true, description: 'OData service URL' },
  top: { type: 'integer', min: 0, description: 'page size' },
  csrf: { type: 'boolean', default: 'true', description: 'fetch CSRF token' },
  format: { type: 'enum', values: ['json', 'atom'], default: 'json', description: 'wire format' },
  password: { type: 'string', secret: true, description: 'password' }
};

describe('resolveParams', () => {
  it('types values and applies defaults', () => {
    expect(resolveParams(specs, { serviceUrl: 'http://h/s/', top: '10' })).toEqual({
      serviceUrl: 'http://h/s/',
      top: 10,
      csrf: true,
      format: 'json'
    });
  });

  it('names a missing required parameter', () => {
    expect(() => resolveParams(specs, {})).toThrow(
      expect.objectContaining({ code: 'PARAMETER_MISSING', message: expect.stringContaining('"serviceUrl"') })
    );
  });

  it('rejects unknown parameters and lists the valid ones', () => {
    expect(() => resolveParams(specs, { serviceUrl: 'http://h/', entitySett: 'x' })).toThrow(
      /Unknown parameter "entitySett"; valid parameters: serviceUrl, top/
    );
  });

  it.each([
    ['top', 'ten', /"top" must be an integer, got "ten"/],
    ['top', '-1', /an integer from 0/],
    ['csrf', 'yes', /true or false/],
    ['format', 'xml', /one of json, atom/],
    ['serviceUrl', 'ftp://x', /http\(s\) URL/]
  ])('rejects %s=%s saying what was expected', (name, value, message) => {
    expect(() => resolveParams(specs, { serviceUrl: 'http://h/', [name]: value })).toThrow(message);
  });

  it('never shows a secret value in a validation message', () => {
    const withBadSecret: ParamSpecs = { pin: { type: 'integer', secret: true, description: 'pin' } };
    expect(() => resolveParams(withBadSecret, { pin: 's3cr3t-value' })).toThrow(/got \*\*\*/);
  });

  it('lists secret values for redaction', () => {
    const params = resolveParams(specs, { serviceUrl: 'http://h/', password: 'pw-123' });
    expect(secretValues(specs, params)).toEqual(['pw-123']);
  });

  it('counts the password of a URL parameter (http://user:pw@host/) as a secret, as written and decoded', () => {
    const params = resolveParams(specs, { serviceUrl: 'http://me:p%40ss-99@h/' });
    expect(secretValues(specs, params)).toEqual(['p%40ss-99', 'p@ss-99']);
  });
});

describe('resolveParams on hostile values', () => {
  const specs = {
    entityId: { type: 'string', description: 'key' },
    password: { type: 'string', secret: true, description: 'pw' }
  } as const satisfies ParamSpecs;

  it('refuses a lone surrogate, saying where, instead of failing later as "URI malformed"', () => {
    expect(() => resolveParams(specs, { entityId: 'ab\uD800' })).toThrow(
      'Parameter "entityId" must be Unicode text; it holds a lone surrogate U+D800 at offset 2, got "ab\\ud800"'
    );
    expect(resolveParams(specs, { entityId: 'a😀' })).toEqual({ entityId: 'a😀' });
  });

  it('never shows a secret while refusing it', () => {
    expect(() => resolveParams(specs, { password: 'pw\uDC00' })).toThrow(
      /lone surrogate U\+DC00 at offset 2, got \*\*\*$/
    );
  });

  it('refuses parameter names that are Object.prototype keys as unknown', () => {
    for (const name of ['constructor', 'toString', '__proto__'])
      expect(() => resolveParams(specs, JSON.parse(`{"${name}":"x"}`) as Record<string, unknown>)).toThrow(
        `Unknown parameter "${name}"`
      );
  });
});
