import { parseXml, parseXmlResponse } from './parse-xml';
import { childOf, childrenOf, isNil } from './xml-element';

describe('parseXml', () => {
  it('keeps values exactly as written: no number coercion, blanks kept', () => {
    const root = parseXml('<R><ID>00012</ID><Price>4045.10</Price><Flag>true</Flag><Name> Ergo </Name></R>');
    expect(root.children.map(c => c.text)).toEqual(['00012', '4045.10', 'true', ' Ergo ']);
  });

  it('keeps attributes as strings and makes repeated and single children the same shape', () => {
    const one = parseXml(
      '<Request><QueryOptions entitySet="Products"><Parameter name="top" value="010"/></QueryOptions></Request>'
    );
    const two = parseXml('<Request><QueryOptions><Parameter name="a"/><Parameter name="b"/></QueryOptions></Request>');
    const params = childrenOf(childOf(one, 'QueryOptions')!, 'Parameter');
    expect(params).toHaveLength(1);
    expect(params[0]!.attributes).toEqual({ name: 'top', value: '010' });
    expect(childrenOf(childOf(two, 'QueryOptions')!, 'Parameter').map(p => p.attributes['name'])).toEqual(['a', 'b']);
  });

  it('decodes entity and numeric character references', () => {
    const root = parseXml('<R a="&quot;x&quot;">&amp;&lt;&#233;&#x41;</R>');
    expect(root.text).toBe('&<éA');
    expect(root.attributes['a']).toBe('"x"');
  });

  it('strips namespace prefixes but keeps them visible, and reads xsi:nil', () => {
    const root = parseXml(
      '<R xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Phone xsi:nil="true"/><m:x xmlns:m="urn:m">1</m:x></R>'
    );
    expect(isNil(root.children[0]!)).toBe(true);
    expect(root.attributes).toEqual({});
    expect(root.children[1]).toMatchObject({ name: 'x', prefix: 'm', text: '1' });
  });

  it('drops indentation between elements but keeps CDATA', () => {
    const root = parseXml('<R>\n  <A><![CDATA[<b>&]]></A>\n</R>');
    expect(root.text).toBeUndefined();
    expect(root.children[0]!.text).toBe('<b>&');
  });

  it('refuses DOCTYPE declarations (entity expansion)', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>')).toThrow(/DOCTYPE/);
  });

  it.each([
    ['unclosed element', '<Request><Entity></Request>'],
    ['text only', 'hello'],
    ['empty', '   ']
  ])('rejects %s with ENVELOPE_INVALID', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(expect.objectContaining({ code: 'ENVELOPE_INVALID' }));
  });

  it.each([
    ['an HTML entity', '<R>a&nbsp;b</R>', /undeclared entity &nbsp; \(at line 1, column 5\)/],
    ['an undeclared entity', '<R>a &foo; b</R>', /undeclared entity &foo;/],
    ['a bare ampersand', '<R>fish & chips</R>', /"&" must start a reference/],
    ['a reference to NUL', '<R>&#0;</R>', /&#0; is not a character XML allows/],
    ['a lone surrogate', '<R>&#xD800;</R>', /&#xD800; is not a character/],
    ['a code point beyond Unicode', '<R>&#x110000;</R>', /&#x110000; is not a character/],
    ['"<" in an attribute value', '<R a="x<y"/>', /"<" inside an attribute value/],
    ['two root elements', '<R/><S/>', /more than one root element: <R>, then <S>/]
  ])('refuses %s, naming it', (_, xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('lets CDATA and comments hold anything, quotes stand in text, and references to every XML character', () => {
    const root = parseXml(
      '<R a=\'say "hi"\'><!-- &nbsp; <!DOCTYPE --><C><![CDATA[<!DOCTYPE x> & &nbsp;]]></C><T>x="y" &#x1F600;&#9;</T></R>'
    );
    expect(root.attributes['a']).toBe('say "hi"');
    expect(root.children.map(c => c.text)).toEqual(['<!DOCTYPE x> & &nbsp;', 'x="y" \u{1F600}\t']);
  });

  it('marks null by namespace: xsi:nil, m:null and the unprefixed X4 form, not a nil of another namespace', () => {
    const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
    const m = 'xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"';
    const root = parseXml(
      `<R ${xsi} ${m} xmlns:foo="urn:foo"><A xsi:nil="true"/><B m:null="true"/><C nil="true"/><D foo:nil="true">keep</D><E xsi:nil="false">x</E></R>`
    );
    expect(root.children.map(c => [c.name, isNil(c)])).toEqual([
      ['A', true],
      ['B', true],
      ['C', true],
      ['D', false],
      ['E', false]
    ]);
    expect(isNil(parseXml(`<R><S ${xsi}><A xsi:nil="true"/></S></R>`).children[0]!.children[0]!)).toBe(true);
  });

  it.each([
    ['a tag cut off', '<t/', /not well-formed XML: a tag is not closed with ">" \(at offset 0\)$/],
    ['an unclosed comment', '<t/><!--', /not well-formed XML: Comment is not closed/],
    ['elements nested too deep', `${'<a>'.repeat(120)}${'</a>'.repeat(120)}`, /nests elements more than 100 deep/]
  ])('names what the parser refuses in %s, never an internal error', (_, xml, message) => {
    expect(() => parseXml(xml)).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_INVALID', message: expect.stringMatching(message) })
    );
  });

  it('gives a position only where the parser knows one', () => {
    for (const xml of ['hello', '<r><a></r>', '<r a="1" <b/>', '<r>a < b</r>', '<r>x</r><', '<r></s>']) {
      let message = '';
      try {
        parseXml(xml);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/not well-formed XML/);
      expect(message).not.toMatch(/undefined/);
    }
  });

  it('keeps element and attribute names that are JavaScript object keys as written', () => {
    const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
    const root = parseXml(
      `<r ${names.map((n, i) => `${n}="${i}"`).join(' ')}>${names.map(n => `<${n}>${n}</${n}>`).join('')}</r>`
    );
    expect(root.children.map(c => [c.name, c.text])).toEqual(names.map(n => [n, n]));
    expect(Object.keys(root.attributes)).toEqual(names);
    expect(root.attributes['__proto__']).toBe('0');
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
    expect(parseXml('<__proto__ constructor="x"/>')).toMatchObject({
      name: '__proto__',
      attributes: { constructor: 'x' }
    });
  });

  it('refuses a lone surrogate in the text, saying where', () => {
    expect(() => parseXml('<r>a\uD800</r>')).toThrow('The envelope holds a lone surrogate U+D800 at offset 4');
    expect(parseXml('<r>\u{1F600}</r>').text).toBe('\u{1F600}');
  });

  it('calls what a service sent RESPONSE_INVALID, naming the body', () => {
    expect(() => parseXmlResponse('<feed', 'The Atom feed')).toThrow(
      expect.objectContaining({
        code: 'RESPONSE_INVALID',
        message: expect.stringMatching(/^The Atom feed is not XML: /)
      })
    );
  });

  it('refuses xsi:nil whose prefix is not declared, saying what to declare', () => {
    expect(() => parseXml('<Products><Product><Rating xsi:nil="true"/></Product></Products>')).toThrow(
      '<Rating> has xsi:nil="true" but the prefix "xsi" is not declared; add xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    );
  });
});

describe('parseXml on big envelopes', () => {
  // Time is compared with a plain envelope of the same size in the same run, never against a clock.
  const envelope = (value: string, count: number) =>
    `<Request>${`<Property name="Name" value="${value}"/>`.repeat(count)}</Request>`;
  const cpuMs = (xml: string): number => {
    const start = process.cpuUsage();
    parseXml(xml);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };

  it('parses a 5 MB envelope full of &amp; in time linear in its size, as a plain one', () => {
    const escaped = envelope('Fish &amp; Chips &amp; Peas &amp; More', 100_000);
    const plain = envelope('Fish and Chips and Peas and More Text', 100_000);
    expect(escaped.length).toBeGreaterThan(5_000_000);
    cpuMs(plain); // warm-up
    const ratio = cpuMs(escaped) / Math.max(1, cpuMs(plain));
    // A line/column computed for every reference made it quadratic: 16× at this size, growing with it.
    expect(ratio).toBeLessThan(4);
  }, 60_000);
});
