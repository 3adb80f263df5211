import { parseXml, stringifyJson, v4Dialect } from '../../../src/sdk';
import { demoModel } from '../testing/demo-model';
import { SEED_PEOPLE_ENTITY } from '../testing/seed-samples';
import { buildEntityBody } from './entity-body';
import { readEntityElements } from '../envelope/x4-envelope';

const model = demoModel();
const type = (set: string) => model.entityTypes.get(model.entitySets.get(set) ?? '')!;
const entity = (xml: string) => readEntityElements(parseXml(xml), 'Entity')[0]!;

describe('buildEntityBody', () => {
  it('maps the seed People envelope (Collection of complex Location with nested City) to V4 JSON', () => {
    const body = buildEntityBody(model, type('People'), entity(SEED_PEOPLE_ENTITY).properties);
    expect(stringifyJson(body.json)).toBe(
      '{"UserName":"carlosreyestest","FirstName":"Carlos","LastName":"Carlos","AddressInfo":[{"Address":"Calle Falsa 123","City":{"CountryRegion":"Espana","Name":"Madrid","Region":"Madrid"}}]}'
    );
    expect(body.sent[3]).toMatchObject({ name: 'AddressInfo', collection: true, type: 'ODataDemo.Location' });
  });

  // DELETE and FailEntities report what was sent: the outer Location was typed by the service, its City kept the TripPin name
  it("reports nested complex members with the service's types, at every depth", () => {
    const sent = buildEntityBody(model, type('People'), entity(SEED_PEOPLE_ENTITY).properties).sent[3]!;
    const location = sent.properties?.[0];
    expect(location).toMatchObject({ type: 'ODataDemo.Location' });
    expect(location?.properties?.find(m => m.name === 'City')).toMatchObject({ type: 'ODataDemo.City' });
    expect(location?.properties?.find(m => m.name === 'City')?.properties?.[0]).toMatchObject({
      name: 'CountryRegion',
      type: 'String'
    });
  });

  it('maps a nested complex value onto the properties CAP flattened (Address → Address_City)', () => {
    const e = entity(
      '<Request><Entity><Property name="Address"><Property name="City" value="Kyoto"/><Property name="ZipCode" xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></Property></Entity></Request>'
    );
    expect(buildEntityBody(model, type('Suppliers'), e.properties).json).toEqual({
      Address_City: 'Kyoto',
      Address_ZipCode: null
    });
  });

  it('sends every Edm type in its V4 JSON form, Int64/Decimal as exact strings', () => {
    const e = entity(`<Request><Entity>
      <Property name="I16" value="-32768"/><Property name="I32" value="+2147483647"/><Property name="I64" value="9223372036854775807"/>
      <Property name="U8" value="255"/><Property name="SB" value="-128"/><Property name="Dec" value="12345678901.1234"/>
      <Property name="Dbl" value="1.0000000000000002"/><Property name="Sgl" value="INF"/><Property name="Bool" value="1"/>
      <Property name="Guid" value="5b6a2f8e-0c4d-4a3e-9f1b-2d3c4e5f6a7b"/><Property name="D" value="2024-02-29"/><Property name="T" value="13:45:30.5"/>
      <Property name="DT" value="2024-02-29T13:45:30+01:00"/><Property name="Bin" value="AAEC/w=="/><Property name="Str" value=" 00012 "/>
      <Property name="Dur" value="P1DT2H3M4.5S"/><Property name="LStr" value=""/></Entity></Request>`);
    expect(stringifyJson(buildEntityBody(model, type('AllTypes'), e.properties).json)).toBe(
      '{"I16":-32768,"I32":2147483647,"I64":"9223372036854775807","U8":255,"SB":-128,"Dec":"12345678901.1234","Dbl":1.0000000000000002,"Sgl":"INF","Bool":true,' +
        '"Guid":"5b6a2f8e-0c4d-4a3e-9f1b-2d3c4e5f6a7b","D":"2024-02-29","T":"13:45:30.5","DT":"2024-02-29T13:45:30+01:00","Bin":"AAEC_w==","Str":" 00012 ","Dur":"P1DT2H3M4.5S","LStr":""}'
    );
  });

  it.each([
    ['<Property name="Nope" value="1"/>', 'Products', 'MODEL_MISMATCH', 'ODataDemo.Products has no property "Nope"'],
    ['<Property name="ID" value="1.5"/>', 'Products', 'VALUE_INVALID', '"1.5" is not a valid Edm.Int32'],
    ['<Property name="I16" value="40000"/>', 'AllTypes', 'VALUE_INVALID', 'range -32768 to 32767'],
    ['<Property name="Guid" value="not-a-guid"/>', 'AllTypes', 'VALUE_INVALID', 'not a valid Edm.Guid'],
    ['<Property name="D" value="2024-02-30x"/>', 'AllTypes', 'VALUE_INVALID', 'not a valid Edm.Date'],
    ['<Property name="Name"/>', 'Products', 'VALUE_INVALID', 'may not be null'],
    [
      '<Property name="AddressInfo" value="x"/>',
      'People',
      'VALUE_INVALID',
      'write it as <Collection name="AddressInfo">'
    ],
    [
      '<Property name="Address"><Property name="Planet" value="Mars"/></Property>',
      'Suppliers',
      'MODEL_MISMATCH',
      'has no property "Address"'
    ],
    ['<Property name="Media" value="x"/>', 'Advertisements', 'VALUE_INVALID', 'media operations']
  ])('%s in %s fails with %s', (property, set, code, message) => {
    const e = entity(`<Request><Entity>${property}</Entity></Request>`);
    expect(() => buildEntityBody(model, type(set), e.properties)).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) })
    );
  });
});

describe('v4Dialect.toJsonValue', () => {
  const primitiveJson = v4Dialect.toJsonValue;
  it('keeps the digits of a Double as written', () => {
    expect(stringifyJson(primitiveJson('Edm.Double', '-.5E3', 't'))).toBe('-0.5E3');
  });
});

describe('readEntityElements', () => {
  it.each([
    ['<Request><Thing/></Request>', 'may only contain <Entity>'],
    ['<Request/>', 'contains no <Entity>'],
    ['<Request><Entity><Property value="1"/></Entity></Request>', 'needs the attribute "name"'],
    ['<Request><Entity><Property name="a"/><Property name="a"/></Entity></Request>', 'names the property "a" twice'],
    ['<Request><Entity><Value name="a"/></Entity></Request>', 'may only contain <Property> and <Collection>']
  ])('%s → ENVELOPE_INVALID', (xml, message) => {
    expect(() => readEntityElements(parseXml(xml), 'Entity')).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_INVALID', message: expect.stringContaining(message) })
    );
  });
});

describe('buildEntityBody: the type attribute is checked against $metadata', () => {
  const allTypes = (props: string) => () =>
    buildEntityBody(model, type('AllTypes'), entity(`<Request><Entity>${props}</Entity></Request>`).properties);

  it.each([
    [
      'the Edm name in any spelling',
      '<Property name="I32" value="5" type="int32"/><Property name="Guid" value="5b6a2f8e-0c4d-4a3e-9f1b-2d3c4e5f6a7b" type="Edm.Guid"/>'
    ],
    [
      'a number type of another width (the value is checked against $metadata)',
      '<Property name="I64" value="5" type="Int32"/>'
    ],
    [
      'the X4 output classes, so an output fed back passes',
      '<Property name="Dec" value="1.5" type="Number"/><Property name="D" value="2024-01-31" type="String"/><Property name="Bool" value="true" type="Boolean"/>'
    ],
    ['Null with no value', '<Property name="Str" type="Null"/>']
  ])('accepts %s', (_what, props) => {
    expect(allTypes(props)).not.toThrow();
  });

  it.each([
    [
      'a Boolean claim on a number',
      '<Property name="I32" value="1" type="Boolean"/>',
      'AllTypes',
      'Entity[1]/Property[@name=\'I32\']: type="Boolean" does not fit I32, which $metadata declares as Edm.Int32'
    ],
    [
      'a String claim on a number',
      '<Property name="Dec" value="1" type="String"/>',
      'AllTypes',
      'which $metadata declares as Edm.Decimal'
    ],
    [
      'a number claim on a Guid',
      '<Property name="Guid" value="1" type="Int32"/>',
      'AllTypes',
      'which $metadata declares as Edm.Guid'
    ],
    [
      'a word that is no type',
      '<Property name="Str" value="x" type="Strnig"/>',
      'AllTypes',
      '("Strnig" is neither an Edm type such as Int32 or String, nor Number, nor a qualified type name)'
    ],
    [
      'a complex type name on a primitive',
      '<Property name="Str" value="x" type="ODataDemo.Location"/>',
      'AllTypes',
      'which $metadata declares as Edm.String'
    ],
    [
      'a key of the wrong type',
      '<Property name="ID" value="1" type="Boolean" isId="true"/>',
      'AllTypes',
      'which $metadata declares as Edm.Int32'
    ],
    [
      'another complex type for a collection item',
      '<Property name="UserName" value="u"/><Collection name="AddressInfo"><Property type="TripPin.City"><Property name="Address" value="x"/></Property></Collection>',
      'People',
      'type="TripPin.City" does not fit the value, which $metadata declares as ODataDemo.Location'
    ],
    [
      'a primitive name on a flattened member',
      '<Property name="Address"><Property name="City" value="Kyoto" type="Int32"/></Property>',
      'Suppliers',
      'which $metadata declares as Edm.String'
    ]
  ])('refuses %s with MODEL_MISMATCH naming the property', (_what, props, set, message) => {
    const build = () =>
      buildEntityBody(model, type(set), entity(`<Request><Entity>${props}</Entity></Request>`).properties, true);
    expect(build).toThrow(
      expect.objectContaining({ code: 'MODEL_MISMATCH', message: expect.stringContaining(message) })
    );
  });

  it('accepts the seed People envelope, whose complex types are named in the TripPin namespace', () => {
    expect(() => buildEntityBody(model, type('People'), entity(SEED_PEOPLE_ENTITY).properties)).not.toThrow();
  });
});

describe('buildEntityBody: facets of $metadata', () => {
  it.each([
    [
      'a flattened complex member',
      'Suppliers',
      `<Property name="Address"><Property name="City" value="${'k'.repeat(61)}"/></Property>`,
      "Property[@name='City']: the value of Address_City (Edm.String) is 61 characters long; MaxLength is 60"
    ],
    [
      'a member of a collection of complex values',
      'People',
      `<Property name="UserName" value="u"/><Collection name="AddressInfo"><Property><Property name="Address" value="${'a'.repeat(101)}"/></Property></Collection>`,
      'the value of Address (Edm.String) is 101 characters long; MaxLength is 100'
    ],
    [
      'a Decimal with more digits than Precision 15 / Scale 4',
      'AllTypes',
      '<Property name="Dec" value="123456789012.1"/>',
      'has 12 digits before the decimal point; Precision 15 with Scale 4 allows 11'
    ]
  ])('refuses %s with VALUE_INVALID', (_what, set, props, message) => {
    const build = () =>
      buildEntityBody(model, type(set), entity(`<Request><Entity>${props}</Entity></Request>`).properties);
    expect(build).toThrow(
      expect.objectContaining({ code: 'VALUE_INVALID', message: expect.stringContaining(message) })
    );
  });
});
