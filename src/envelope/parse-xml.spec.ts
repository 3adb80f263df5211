import { parseXml } from './parse-xml';
import { childOf, childrenOf, isNil } from './xml-element';

describe('parseXml', () => {
  it('keeps values exactly as written: no number coercion, blanks kept', () => {
    const root = parseXml('<R><ID>00012</ID><Price>4045.10</Price><Flag>true</Flag><Name> Ergo </Name></R>');
    expect(root.children.map(c => c.text)).toEqual(['00012', '4045.10', 'true', ' Ergo ']);
  });

  it('keeps attributes as strings and makes repeated and single children the same shape', () => {
    const one = parseXml('<Request><QueryOptions entitySet="Products"><Parameter name="top" value="010"/></QueryOptions></Request>');
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
    const root = parseXml('<R xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Phone xsi:nil="true"/><m:x xmlns:m="urn:m">1</m:x></R>');
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
});
