import { parseXml } from '../../../src/sdk';
import { readQueryOptions } from './query-options';
import { readEntityElements, readFunctionCall, readMedia } from './x4-envelope';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const entities = (xml: string) => readEntityElements(parseXml(xml), 'Entity');

/** A misspelt attribute used to be ignored: `valeu` sent the property as null, `isID` lost the key. */
describe('odata-v4 envelopes refuse attributes they do not use', () => {
  it.each([
    [
      '<Request><Entity entitySet="Products"><Property name="Name" valeu="X"/></Entity></Request>',
      "Entity[1]/Property[@name='Name']",
      'valeu'
    ],
    [
      '<Request><Entity entitySet="Products"><Property name="ID" value="1" isID="true"/></Entity></Request>',
      "Entity[1]/Property[@name='ID']",
      'isID'
    ],
    [
      `<Request ${XSI}><Entity entitySet="Products"><Property name="ID" value="1" xsi:type="Edm.Int32"/></Entity></Request>`,
      "Entity[1]/Property[@name='ID']",
      'xsi:type'
    ],
    [
      '<Request><Entity entitySet="Products" etga="W/&quot;1&quot;"><Property name="ID" value="1"/></Entity></Request>',
      'Entity[1]',
      'etga'
    ],
    [
      '<Request><Entity entitySet="People"><Collection name="AddressInfo" value="x"/></Entity></Request>',
      "Entity[1]/Collection[@name='AddressInfo']",
      'value'
    ],
    ['<Request mode="x"><Entity entitySet="Products"/></Request>', 'Request', 'mode']
  ])('%s', (xml, where, attribute) => {
    expect(() => entities(xml)).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining(`${where} has the attribute "${attribute}"`)
      })
    );
  });

  it('keeps accepting what X4 writes and reads: name value type isId, xsi:nil or nil, entitySet qualifiedName etag', () => {
    const [e] = entities(
      `<Request ${XSI}><Entity entitySet="Products" qualifiedName="N.Product" etag="*"><Property isId="true" type="int32" value="1" name="ID"/>` +
        '<Property name="Description" xsi:nil="true"/><Property name="Rating" type="Int32" nil="true"/></Entity></Request>'
    );
    expect(e?.properties.map(p => [p.name, p.isId, p.isNull])).toEqual([
      ['ID', true, false],
      ['Description', false, true],
      ['Rating', false, true]
    ]);
  });

  it('reads isId case-insensitively and refuses a value that is not a boolean', () => {
    const [e] = entities(
      '<Request><Entity><Property name="ID" value="1" isId="TRUE"/><Property name="Name" value="x" isId="False"/></Entity></Request>'
    );
    expect(e?.properties.map(p => p.isId)).toEqual([true, false]);
    expect(() => entities('<Request><Entity><Property name="ID" value="1" isId="yes"/></Entity></Request>')).toThrow(
      expect.objectContaining({
        code: 'VALUE_INVALID',
        message: expect.stringContaining('isId="yes" must be true or false')
      })
    );
  });

  it('in <QueryOptions>: unknown attributes, and a <Parameter> with both value and <Items>', () => {
    const q = (xml: string) => () => readQueryOptions(parseXml(xml));
    expect(q('<QueryOptions entityset="Products"/>')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('QueryOptions has the attribute "entityset"') })
    );
    expect(q('<QueryOptions><Parameter name="top" vaule="2"/></QueryOptions>')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('has the attribute "vaule"') })
    );
    expect(
      q('<QueryOptions><Parameter name="select" value="Name"><Items>ID</Items></Parameter></QueryOptions>')
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining('both a value and <Items>')
      })
    );
    expect(
      q('<QueryOptions><Parameter name="select"><Items>ID</Items><Item>Name</Item></Parameter></QueryOptions>')
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining('may only contain <Items>, found <Item>')
      })
    );
  });

  it('in <Function> and <Media>', () => {
    expect(() => readFunctionCall(parseXml('<Request><Function name="F" bound="true"/></Request>'))).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining('Function has the attribute "bound"')
      })
    );
    expect(() =>
      readFunctionCall(
        parseXml('<Request><Function name="F"><Parameter name="A" type="Int32" value="1"/></Function></Request>')
      )
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining(`Function/Parameter[@name='A'] has the attribute "type"`)
      })
    );
    expect(() => readMedia(parseXml('<Media contentType="text/plain" encodig="text">x</Media>'))).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining('Media has the attribute "encodig"')
      })
    );
  });

  it.each([
    [
      'a value both as attribute and as text',
      '<Request><Entity entitySet="Products"><Property name="Name" value="A">B</Property></Entity></Request>',
      "Entity[1]/Property[@name='Name'] has both a value attribute and text"
    ],
    [
      'text beside the properties of an entity',
      '<Request><Entity entitySet="Products">Name=A<Property name="ID" value="1"/></Entity></Request>',
      'Entity[1] has text "Name=A"'
    ],
    [
      'a value on a property marked nil',
      `<Request ${XSI}><Entity entitySet="Products"><Property name="Name" value="A" xsi:nil="true"/></Entity></Request>`,
      'Entity[1]/Property[@name=\'Name\'] is marked null but has the value "A"'
    ],
    [
      'a value on a property typed Null',
      '<Request><Entity entitySet="Products"><Property name="Name" type="Null">A</Property></Entity></Request>',
      'Entity[1]/Property[@name=\'Name\'] is marked null but has the value "A"'
    ],
    [
      'members of a complex value marked nil',
      '<Request><Entity entitySet="Suppliers"><Property name="Address" nil="true"><Property name="City" value="K"/></Property></Entity></Request>',
      "Entity[1]/Property[@name='Address'] is marked null but has members"
    ],
    ['text in <Request>', '<Request>Products<Entity entitySet="Products"/></Request>', 'Request has text "Products"'],
    [
      'text beside the members of a complex value',
      '<Request><Entity entitySet="Suppliers"><Property name="Address">x<Property name="City" value="K"/></Property></Entity></Request>',
      'Entity[1]/Property[@name=\'Address\'] has text "x"'
    ]
  ])('refuses %s instead of dropping one', (_what, xml, message) => {
    expect(() => entities(xml)).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_INVALID', message: expect.stringContaining(message) })
    );
  });

  it('refuses a query option or function parameter given both as value and as text', () => {
    expect(() =>
      readQueryOptions(parseXml('<QueryOptions><Parameter name="top" value="1">2</Parameter></QueryOptions>'))
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining("QueryOptions/Parameter[@name='top'] has both a value attribute and text")
      })
    );
    expect(() =>
      readFunctionCall(
        parseXml('<Request><Function name="F"><Parameter name="A" value="1">2</Parameter></Function></Request>')
      )
    ).toThrow(
      expect.objectContaining({
        code: 'ENVELOPE_INVALID',
        message: expect.stringContaining("Function/Parameter[@name='A'] has both a value attribute and text")
      })
    );
  });
});
