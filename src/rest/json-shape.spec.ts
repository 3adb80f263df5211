import { parseXml } from '../envelope/parse-xml';
import { buildJsonFromXml, secretsOf, type ObjectShape } from './json-shape';

const shape: ObjectShape = {
  type: 'object',
  fields: {
    name: { type: 'string', required: true },
    kind: { type: 'string', values: ['a', 'b'] },
    size: { type: 'integer', min: 0, exclusiveMin: true, max: 10 },
    flag: { type: 'boolean' },
    items: { type: 'array', items: { type: 'object', fields: { id: { type: 'integer', required: true } } } },
    info: {
      type: 'jsonString',
      shape: { type: 'object', fields: { user: { type: 'string', required: true } }, extra: 'string' }
    }
  }
};
const nested: ObjectShape = {
  type: 'object',
  fields: {
    details: {
      type: 'jsonString',
      shape: {
        type: 'object',
        fields: {
          conn: { type: 'object', required: true, fields: { id: { type: 'integer', required: true, min: 1 } } },
          params: {
            type: 'array',
            items: {
              type: 'object',
              fields: {
                name: { type: 'string', required: true },
                op: { type: 'integer', min: 0, max: 3 },
                on: { type: 'boolean' }
              }
            }
          },
          inner: {
            type: 'jsonString',
            shape: { type: 'object', fields: { kind: { type: 'string', values: ['a', 'b'] } } }
          }
        }
      }
    }
  }
};
const build = (xml: string) => buildJsonFromXml(parseXml(xml), shape, 'r');

describe('buildJsonFromXml', () => {
  it('maps elements to typed JSON members in declaration order', () => {
    const out = build(
      '<r><flag>true</flag><items><i><id>1</id></i><i><id>2</id></i></items><size>10</size><name>n</name><info><port>1</port><user>u</user></info></r>'
    );
    expect(JSON.stringify(out)).toBe(
      '{"name":"n","size":10,"flag":true,"items":[{"id":1},{"id":2}],"info":"{\\"user\\":\\"u\\",\\"port\\":\\"1\\"}"}'
    );
  });

  // Repeating the list element per item is a common XML habit; only the first list was read, the others dropped.
  it('refuses a list element given twice, saying to put every item in one', () => {
    expect(() =>
      build('<r><name>n</name><items><i><id>1</id></i></items><items><i><id>2</id></i></items></r>')
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: '<items> appears more than once in <r>; put every item in one <items>, one child element per item'
      })
    );
  });

  it('says how to write a list item when an item is given as a bare field', () => {
    expect(() => build('<r><name>n</name><items><id>1</id></items></r>')).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message:
          "<items> holds one element per item, each with the item's fields (e.g. <items><item><id>…</id></item></items>); <id> has no fields"
      })
    );
  });

  it('accepts a jsonString as JSON text and checks it against the shape', () => {
    expect(build('<r><name>n</name><info>{"user":"u","x":2}</info></r>')['info']).toBe('{"user":"u","x":"2"}');
    expect(() => build('<r><name>n</name><info>{"x":2}</info></r>')).toThrow('The JSON in r/info needs the key "user"');
    expect(() => build('<r><name>n</name><info>[1]</info></r>')).toThrow('must be a JSON object');
    expect(() => build('<r><name>n</name><info>{oops</info></r>')).toThrow('its text is not JSON');
  });

  it('names the element and the rule it breaks', () => {
    expect(() => build('<r/>')).toThrow('<r> needs the field <name>');
    expect(() => build('<r><name></name></r>')).toThrow('r/name must be a non-empty string');
    expect(() => build('<r><name>n</name><kind>c</kind></r>')).toThrow('r/kind must be one of a, b, got "c"');
    expect(() => build('<r><name>n</name><size>0</size></r>')).toThrow('r/size must be in (0, 10], got "0"');
    expect(() => build('<r><name>n</name><size>1.5</size></r>')).toThrow('r/size must be an integer');
    expect(() => build('<r><name>n</name><flag>yes</flag></r>')).toThrow('r/flag must be true or false');
    expect(() => build('<r><name>n</name><other/></r>')).toThrow('<r> has no field <other>');
    expect(() => build('<r><name>n</name><name>m</name></r>')).toThrow('<name> appears more than once');
    expect(() => build('<r><name><x/></name></r>')).toThrow('<name> must hold text, not elements');
  });

  it('checks JSON text as deeply as the element form: nested objects, arrays, types, enums, bounds, naming the path', () => {
    const json = (details: unknown) =>
      buildJsonFromXml(
        parseXml(`<r><details>${JSON.stringify(details).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</details></r>`),
        nested,
        'r'
      );
    const good = { params: [{ on: true, name: 'id', op: 0 }], conn: { id: 5 }, inner: '{"kind":"a"}' };
    expect(json(good)['details']).toBe(
      '{"conn":{"id":5},"params":[{"name":"id","op":0,"on":true}],"inner":"{\\"kind\\":\\"a\\"}"}'
    );
    expect(() => json({ params: [] })).toThrow('The JSON in r/details needs the key "conn"');
    expect(() => json({ conn: {} })).toThrow('The JSON in r/details/conn needs the key "id"');
    expect(() => json({ conn: { id: 0 } })).toThrow('r/details/conn/id must be within its bounds');
    expect(() => json({ conn: { id: '5' } })).toThrow('r/details/conn/id must be a JSON number, got "5"');
    expect(() => json({ conn: [1] })).toThrow('r/details/conn must be a JSON object');
    expect(() => json({ conn: { id: 1 }, params: {} })).toThrow('r/details/params must be a JSON array');
    expect(() => json({ conn: { id: 1 }, params: [{ name: 'x' }, { op: 1 }] })).toThrow(
      'The JSON in r/details/params[2] needs the key "name"'
    );
    expect(() => json({ conn: { id: 1 }, params: [{ name: 'x', op: 7 }] })).toThrow('r/details/params[1]/op must be');
    expect(() => json({ conn: { id: 1 }, params: [{ name: 'x', on: 'yes' }] })).toThrow(
      'r/details/params[1]/on must be a JSON boolean'
    );
    expect(() => json({ conn: { id: 1 }, params: [{ name: 'x', extra: 1 }] })).toThrow(
      'The JSON in r/details/params[1] has an unknown key "extra"'
    );
    expect(() => json({ conn: { id: 1 }, inner: '{"kind":"c"}' })).toThrow('r/details/inner/kind must be one of a, b');
    expect(() => json({ conn: { id: 1 }, inner: { kind: 'a' } })).toThrow(
      'r/details/inner must be a string holding a JSON object'
    );
  });
});

describe('secretsOf', () => {
  const login: ObjectShape = {
    type: 'object',
    fields: {
      user: { type: 'string' },
      password: { type: 'string', secret: true },
      backups: { type: 'array', items: { type: 'object', fields: { pin: { type: 'string', secret: true } } } },
      options: { type: 'object', fields: {}, extra: 'string' },
      info: { type: 'jsonString', shape: { type: 'object', fields: { pin: { type: 'string', secret: true } } } }
    }
  };

  it('finds secret fields at any depth, and credential-named pass-through members, without validating', () => {
    const xml =
      '<r><user>u1</user><password>Pw-1</password><backups><b><pin>Pin-2</pin></b></backups>' +
      '<options><ApiKey>Key-3</ApiKey><KeyId>id-4</KeyId></options><info><pin>Pin-5</pin></info><stray>x</stray></r>';
    expect(secretsOf(parseXml(xml), login)).toEqual(['Pw-1', 'Pin-2', 'Key-3', 'Pin-5']);
  });

  it('finds them in JSON given as text too, by declared or credential-like names', () => {
    const xml = '<r><info>{"pin":"Pin-6","token":"Tok-7","note":"n"}</info></r>';
    expect(secretsOf(parseXml(xml), login)).toEqual(['Pin-6', 'Tok-7']);
  });
});

describe('buildJsonFromXml with names that are Object.prototype keys', () => {
  const strict: ObjectShape = { type: 'object', fields: { name: { type: 'string' } } };
  const open: ObjectShape = { type: 'object', fields: { name: { type: 'string' } }, extra: 'string' };

  it('refuses them as unknown fields where the shape is closed, never drops them', () => {
    for (const name of ['toString', 'constructor', '__proto__'])
      expect(() => buildJsonFromXml(parseXml(`<r><${name}>x</${name}></r>`), strict)).toThrow(
        `<r> has no field <${name}>`
      );
  });

  it('passes them through as written where the shape takes extra members', () => {
    const json = buildJsonFromXml(parseXml('<r><__proto__>p</__proto__><toString>t</toString></r>'), open);
    expect(JSON.stringify(json)).toBe('{"__proto__":"p","toString":"t"}');
  });
});
