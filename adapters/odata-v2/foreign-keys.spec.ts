import { createRuntime } from '../../src/index';
import { odataV2 } from './index';
import { createStubService } from './testing/stub-service';

// A Gateway-style model: Products carry the foreign key CategoryID beside the navigation Category,
// tied by a ReferentialConstraint. Sending the absent CategoryID as null (the CPI absent-as-null rule)
// together with a link or a deep insert would contradict it: the service keeps the null, the link is lost.
const metadata = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">
  <edmx:DataServices m:DataServiceVersion="2.0">
    <Schema Namespace="FK" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
      <EntityType Name="Product">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="Name" Type="Edm.String"/>
        <Property Name="CategoryID" Type="Edm.Int32"/>
        <NavigationProperty Name="Category" Relationship="FK.Product_Category" FromRole="Product" ToRole="Category"/>
      </EntityType>
      <EntityType Name="Category">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="Name" Type="Edm.String"/>
        <NavigationProperty Name="Products" Relationship="FK.Product_Category" FromRole="Category" ToRole="Product"/>
      </EntityType>
      <Association Name="Product_Category">
        <End Role="Product" Type="FK.Product" Multiplicity="*"/>
        <End Role="Category" Type="FK.Category" Multiplicity="0..1"/>
        <ReferentialConstraint>
          <Principal Role="Category"><PropertyRef Name="ID"/></Principal>
          <Dependent Role="Product"><PropertyRef Name="CategoryID"/></Dependent>
        </ReferentialConstraint>
      </Association>
      <EntityContainer Name="C" m:IsDefaultEntityContainer="true">
        <EntitySet Name="Products" EntityType="FK.Product"/>
        <EntitySet Name="Categories" EntityType="FK.Category"/>
        <AssociationSet Name="PC" Association="FK.Product_Category">
          <End Role="Product" EntitySet="Products"/>
          <End Role="Category" EntitySet="Categories"/>
        </AssociationSet>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

async function invoke(operation: string, input: string, params: Record<string, string> = {}) {
  const stub = createStubService(metadata);
  const runtime = createRuntime([odataV2], { transport: stub });
  const result = await runtime.invoke({
    connector: 'odata-v2',
    operation,
    params: { serviceUrl: 'http://fk.test/', ...params },
    input
  });
  return { ...result, stub };
}
const create = (input: string, params: Record<string, string> = {}) => invoke('Create', input, params);

describe('absent-as-null leaves the foreign keys of a link or deep insert to the service', () => {
  it('a <link> to the Category does not send CategoryID: null beside it', async () => {
    const { status, stub } = await create(
      '<Products><Product><ID>1</ID><link><Category><Category><ID>7</ID></Category></Category></link></Product></Products>'
    );
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([{ ID: 1, Name: null, Category: { __metadata: { uri: 'Categories(7)' } } }]);
  });

  it('a deep-inserted Category does not send CategoryID: null beside it', async () => {
    const { status, stub } = await create(
      '<Products><Product><ID>1</ID><Category><Category><ID>7</ID></Category></Category></Product></Products>'
    );
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([{ ID: 1, Name: null, Category: { ID: 7, Name: null } }]);
  });

  it('Products deep-inserted under a Category do not send the parent key CategoryID: null', async () => {
    const { status, stub } = await create(
      '<Categories><Category><ID>7</ID><Name>C</Name><Products><Product><ID>1</ID></Product></Products></Category></Categories>'
    );
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([{ ID: 7, Name: 'C', Products: [{ ID: 1, Name: null }] }]);
  });

  it('Atom: a <link> does not send <d:CategoryID m:null="true"/> beside it', async () => {
    const { status, stub } = await create(
      '<Products><Product><ID>1</ID><link><Category><Category><ID>7</ID></Category></Category></link></Product></Products>',
      { format: 'atom' }
    );
    expect(status).toBe(1);
    const body = String(stub.requests.at(-1)?.body);
    expect(body).toContain('<d:Name m:type="Edm.String" m:null="true"/>');
    expect(body).not.toContain('CategoryID');
  });

  it('a POST to Categories(7)/Products does not send CategoryID: null, which the path sets', async () => {
    const { status, stub } = await create('<Products><Product><ID>1</ID></Product></Products>', {
      resourcePath: 'Categories(7)/Products'
    });
    expect(status).toBe(1);
    expect(stub.requests.at(-1)?.url).toBe('http://fk.test/Categories(7)/Products');
    expect(stub.jsonBodies()).toEqual([{ ID: 1, Name: null }]);
  });

  it('a batch POST part to Categories(7)/Products does not send CategoryID: null either', async () => {
    const { stub } = await invoke(
      'Batch',
      '<batchParts><batchChangeSet><batchChangeSetPart><method>POST</method><uri>Categories(7)/Products</uri><Products><Product><ID>1</ID></Product></Products></batchChangeSetPart></batchChangeSet></batchParts>'
    );
    const body = String(stub.requests.at(-1)?.body);
    expect(body).toContain('POST Categories(7)/Products');
    expect(body).toContain('{"ID":1,"Name":null}');
  });

  it('without a link or deep insert the absent CategoryID is still sent as null', async () => {
    const { status, stub } = await create('<Products><Product><ID>1</ID></Product></Products>');
    expect(status).toBe(1);
    expect(stub.jsonBodies()).toEqual([{ ID: 1, Name: null, CategoryID: null }]);
  });
});
