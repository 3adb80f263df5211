import { parseMetadata, XmlWriter } from '../../../src/sdk';
import { decodeFunctionResult, writeFunctionResult } from './function-import';

// Return kinds the demo service cannot produce (complex, primitive collections, void), in the JSON and
// Atom shapes of MS-ODATA and of real servers.
const model =
  parseMetadata(`<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="NS" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
  <ComplexType Name="Address"><Property Name="Street" Type="Edm.String"/><Property Name="Since" Type="Edm.DateTime"/></ComplexType>
  <EntityContainer Name="C" m:IsDefaultEntityContainer="true">
    <FunctionImport Name="GetAddress" ReturnType="NS.Address" m:HttpMethod="GET"/>
    <FunctionImport Name="GetAddresses" ReturnType="Collection(NS.Address)" m:HttpMethod="GET"/>
    <FunctionImport Name="GetDates" ReturnType="Collection(Edm.DateTime)" m:HttpMethod="GET"/>
    <FunctionImport Name="GetTime" ReturnType="Edm.Time" m:HttpMethod="GET"/>
    <FunctionImport Name="Ping" m:HttpMethod="POST"/>
  </EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`);
const fi = (name: string) => model.imports.get(name)![0]!;
const render = (r: ReturnType<typeof decodeFunctionResult>): string => {
  const w = new XmlWriter();
  writeFunctionResult(w, r);
  return w.toString();
};

describe('function import results', () => {
  it('complex: {"d":{"Fn":{…}}} → <Fn><Address>…', () => {
    const r = decodeFunctionResult(
      model,
      fi('GetAddress'),
      '{"d":{"GetAddress":{"__metadata":{"type":"NS.Address"},"Street":"Main","Since":"/Date(0)/"}}}',
      false
    );
    expect(render(r)).toBe(
      '<GetAddress xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Address>\n    <Street>Main</Street>\n    <Since>1970-01-01T00:00:00</Since>\n  </Address>\n</GetAddress>\n'
    );
  });

  it('complex collection in both V2 ({"d":{"results":[…]}}) and V1 ({"d":[…]}) shapes', () => {
    const v2 = decodeFunctionResult(
      model,
      fi('GetAddresses'),
      '{"d":{"results":[{"Street":"A"},{"Street":"B"}]}}',
      false
    );
    const v1 = decodeFunctionResult(model, fi('GetAddresses'), '{"d":[{"Street":"A"},{"Street":"B"}]}', false);
    expect(v1).toEqual(v2);
    expect(render(v2).match(/<Address>/g)).toHaveLength(2);
  });

  it('primitive collection → <Fn><element>…', () => {
    const r = decodeFunctionResult(model, fi('GetDates'), '{"d":{"results":["/Date(0)/",null]}}', false);
    expect(render(r)).toBe(
      '<GetDates xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <element>1970-01-01T00:00:00</element>\n  <element xsi:nil="true"/>\n</GetDates>\n'
    );
  });

  it('single primitive in JSON and in the Atom/XML form <d:Fn>', () => {
    expect(render(decodeFunctionResult(model, fi('GetTime'), '{"d":{"GetTime":"PT8H30M0S"}}', false))).toBe(
      '<GetTime>08:30:00</GetTime>\n'
    );
    expect(
      render(
        decodeFunctionResult(
          model,
          fi('GetTime'),
          '<d:GetTime xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices">PT8H30M0S</d:GetTime>',
          true
        )
      )
    ).toBe('<GetTime>08:30:00</GetTime>\n');
  });

  it('Atom collection of primitives <d:Fn><d:element>…', () => {
    const r = decodeFunctionResult(
      model,
      fi('GetDates'),
      '<d:GetDates xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices"><d:element>2000-01-01T00:00:00</d:element></d:GetDates>',
      true
    );
    expect(r).toEqual({ kind: 'primitive', name: 'GetDates', collection: true, values: ['2000-01-01T00:00:00'] });
  });

  it('void (204, no body) → <Fn/>', () => {
    expect(render(decodeFunctionResult(model, fi('Ping'), '', false))).toBe('<Ping/>\n');
  });
});
