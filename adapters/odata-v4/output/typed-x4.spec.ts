import { parseLosslessJson, writeX4Node, XmlWriter, type LosslessObject } from '../../../src/sdk';
import { demoModel } from '../testing/demo-model';
import { entityProperties, entityToX4 } from '../operations/entity-body';

const model = demoModel();
const type = (set: string) => model.entityTypes.get(model.entitySets.get(set) ?? '')!;
const xml = (json: string, set: string): string => {
  const w = new XmlWriter();
  writeX4Node(w, entityToX4(model, type(set), parseLosslessJson(json) as LosslessObject));
  return w.toString();
};

describe('entityToX4', () => {
  it('types values by $metadata: Int64/Decimal strings as Number, Binary base64url → base64, null as Null', () => {
    const out = xml(
      '{"@odata.etag":"W/\\"1\\"","ID":1,"I64":"9007199254740993","Dec":4045.1000,"Bool":false,"Bin":"AAEC_w==","Str":"00012","LStr":null,"Sgl":"INF"}',
      'AllTypes'
    );
    expect(out).toBe(`<Object>
  <Value type="String" name="@odata.etag">W/"1"</Value>
  <Value type="Number" name="ID">1</Value>
  <Value type="Number" name="I64">9007199254740993</Value>
  <Value type="Number" name="Dec">4045.1000</Value>
  <Value type="Boolean" name="Bool">false</Value>
  <Value type="String" name="Bin">AAEC/w==</Value>
  <Value type="String" name="Str">00012</Value>
  <Value type="Null" name="LStr"/>
  <Value type="Number" name="Sgl">INF</Value>
</Object>
`);
  });

  it('renders complex collections as <Array>/<Object>, expanded navigation typed by its target, undeclared values by JSON', () => {
    expect(xml('{"UserName":"u","AddressInfo":[{"Address":"A","City":{"Name":"B"}}],"Extra":12}', 'People'))
      .toBe(`<Object>
  <Value type="String" name="UserName">u</Value>
  <Array name="AddressInfo">
    <Object>
      <Value type="String" name="Address">A</Value>
      <Object name="City">
        <Value type="String" name="Name">B</Value>
      </Object>
    </Object>
  </Array>
  <Value type="Number" name="Extra">12</Value>
</Object>
`);
    expect(xml('{"ID":1,"Category":{"ID":"7","Name":"x"}}', 'Products')).toContain(
      '<Object name="Category">\n    <Value type="Number" name="ID">7</Value>'
    );
  });
});

describe('entityProperties', () => {
  it('reports an entity as <Property isId type value name/>, typed short names, nil for null', () => {
    const json = parseLosslessJson(
      '{"@odata.context":"x","UserName":"u","FirstName":null,"AddressInfo":[{"Address":"A","City":null}]}'
    ) as LosslessObject;
    expect(entityProperties(model, type('People'), json)).toEqual([
      { name: 'UserName', type: 'String', value: 'u', isId: true },
      { name: 'FirstName', type: 'String', isNull: true },
      {
        name: 'AddressInfo',
        type: 'ODataDemo.Location',
        collection: true,
        properties: [
          {
            type: 'ODataDemo.Location',
            properties: [
              { name: 'Address', type: 'String', value: 'A' },
              { name: 'City', type: 'ODataDemo.City', isNull: true }
            ]
          }
        ]
      }
    ]);
  });
});
