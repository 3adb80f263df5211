import { createRuntime } from '../../../src/index';
import { parseMetadata, type XmlElement } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService } from '../testing/stub-service';
import { buildArguments } from './function-import';

// Function import parameters are checked like payload values: type, then the facets $metadata declares.
const edmx = `<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="NS" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
  <EntityContainer Name="C" m:IsDefaultEntityContainer="true">
    <FunctionImport Name="Release" ReturnType="Edm.Boolean" m:HttpMethod="POST">
      <Parameter Name="Plant" Type="Edm.String" Mode="In" MaxLength="4"/>
      <Parameter Name="Amount" Type="Edm.Decimal" Mode="In" Precision="5" Scale="2"/>
    </FunctionImport>
  </EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
const model = parseMetadata(edmx);
const fi = model.imports.get('Release')![0]!;
const arg = (name: string, text: string): XmlElement => ({ name, prefix: '', attributes: {}, text, children: [] });

describe('function import parameters', () => {
  it('within their facets become typed URI literals', () => {
    expect(buildArguments(model, fi, [arg('Plant', '1000'), arg('Amount', '999.50')])).toBe(
      "Plant='1000'&Amount=999.50M"
    );
  });

  it.each([
    [arg('Plant', '10000'), 'Release/Plant: the value of Plant (Edm.String) is 5 characters long; MaxLength is 4'],
    [
      arg('Amount', '1.005'),
      'Release/Amount: the value of Amount (Edm.Decimal) has 3 digits after the decimal point; Scale is 2'
    ]
  ])('beyond their facets are VALUE_INVALID naming the parameter', (given, message) => {
    expect(() => buildArguments(model, fi, [given])).toThrow(
      expect.objectContaining({ code: 'VALUE_INVALID', message })
    );
  });
});

describe('FunctionImport names', () => {
  const invoke = (functionImport: string, input: string) =>
    createRuntime([odataV2], { transport: createStubService(edmx) }).invoke({
      connector: 'odata-v2',
      operation: 'FunctionImport',
      params: { serviceUrl: 'http://fi.test/', functionImport },
      input
    });

  it('a misspelt functionImport parameter is reported as such, with the function imports of the service', async () => {
    const r = await invoke('Releas', '<Release><Plant>1000</Plant></Release>');
    expect(r.status).toBe(-1);
    expect(r.output).toContain('The service has no function import "Releas"; its function imports: Release');
  });

  it('an envelope root other than the function import is named, and which parameter it must match', async () => {
    const r = await invoke('Release', '<Releases><Plant>1000</Plant></Releases>');
    expect(r.status).toBe(-1);
    expect(r.output).toContain(
      "The envelope root &lt;Releases&gt; must be the function import's name &lt;Release&gt; (the functionImport parameter)"
    );
  });
});
