import { parseMetadata, type KeyValue } from '../../../src/sdk';
import { seedFile } from '../testing/stub-service';
import { checkPathKey } from './entity-writes';
import { resolveResourcePath } from './resource-path';

// A hand-made model with the key types a path literal can spell differently from the payload.
const model =
  parseMetadata(`<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">
  <edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="K" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
    <EntityType Name="Doc"><Key><PropertyRef Name="Id"/><PropertyRef Name="Year"/><PropertyRef Name="At"/></Key>
      <Property Name="Id" Type="Edm.Guid" Nullable="false"/><Property Name="Year" Type="Edm.Int64" Nullable="false"/><Property Name="At" Type="Edm.DateTime" Nullable="false"/></EntityType>
    <EntityContainer Name="C" m:IsDefaultEntityContainer="true"><EntitySet Name="Docs" EntityType="K.Doc"/></EntityContainer>
  </Schema></edmx:DataServices></edmx:Edmx>`);
const key: KeyValue[] = [
  { name: 'Id', type: 'Edm.Guid', value: '12345678-aaaa-bbbb-cccc-ddddeeeeffff' },
  { name: 'Year', type: 'Edm.Int64', value: '2024' },
  { name: 'At', type: 'Edm.DateTime', value: '1992-01-01T00:00:00' }
];
const check = (resourcePath: string) => () =>
  checkPathKey(model, resolveResourcePath(model, resourcePath), resourcePath, key, 'Docs/Doc');

describe('checkPathKey: the path literal and the payload key compared as values', () => {
  it.each([
    "Docs(Id=guid'12345678-AAAA-bbbb-cccc-ddddeeeeffff',Year=2024L,At=datetime'1992-01-01T00:00:00')",
    "Docs(At=datetime'1992-01-01T00:00:00.000',Year=2024,Id=guid'12345678-aaaa-bbbb-cccc-ddddeeeeffff')"
  ])('matches %s', path => {
    expect(check(path)).not.toThrow();
  });

  it.each([
    [
      "Docs(Id=guid'12345678-aaaa-bbbb-cccc-ddddeeeeffff',Year=2025L,At=datetime'1992-01-01T00:00:00')",
      "the envelope's entity has the key"
    ],
    ["Docs(Id=guid'12345678-aaaa-bbbb-cccc-ddddeeeeffff',Year=2024L)", "the envelope's entity has the key"],
    ["Docs(guid'12345678-aaaa-bbbb-cccc-ddddeeeeffff',2024L)", 'a composite key needs Name=value pairs']
  ])('refuses %s', (path, message) => {
    expect(check(path)).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_INVALID', message: expect.stringContaining(message) })
    );
  });

  it('the seed model: a single key written bare or named', () => {
    const seed = parseMetadata(seedFile('odata-demo-v2-cpi.metadata.xml'));
    const one: KeyValue[] = [{ name: 'ID', type: 'Edm.Int32', value: '1' }];
    for (const p of ['Products(1)', 'Products(ID=1)', 'Products( 1 )'])
      expect(() => checkPathKey(seed, resolveResourcePath(seed, p), p, one, 'x')).not.toThrow();
  });
});
