import { parseXml, XmlWriter, type XmlElement } from '../../../src/sdk';
import { DEMO_METADATA_XML } from '../testing/demo-model';
import { writeEdmx } from './edmx-xml';

/** The X4 documentation's ReadMetadata answer (seed 004), as printed there. */
const SEED_EDMX =
  '<?xml version="1.0" encoding="UTF-8"?> <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"> <edmx:DataServices> <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="OData.Demo"> <EntityType Name="Product"> <Key> <PropertyRef Name="ID" /> </Key> <Property Name="ID" Type="Edm.Int32"></Property> <Property Name="Name" Type="Edm.String"></Property> <NavigationProperty Name="Category" Type="OData.Demo.Category" Partner="Products"></NavigationProperty> </EntityType> <EntityType Name="Advertisement" HasStream="true"> <Key> <PropertyRef Name="ID" /> </Key> <Property Name="ID" Type="Edm.Guid"></Property> </EntityType> <EntityContainer Name="Container"> <EntitySet Name="Products" EntityType="OData.Demo.Product"> <NavigationPropertyBinding Path="Category" Target="Categories" /> </EntitySet> </EntityContainer> </Schema> </edmx:DataServices> </edmx:Edmx>';

const rewrite = (xml: string): string => {
  const w = new XmlWriter();
  writeEdmx(w, parseXml(xml));
  return w.toString();
};

/** Element names (with prefix), attributes and text: what a reader of the document sees. */
const shape = (e: XmlElement): unknown => ({
  name: `${e.prefix}:${e.name}`,
  attributes: e.attributes,
  text: e.text?.trim() || undefined,
  children: e.children.map(shape)
});

describe('writeEdmx', () => {
  it.each([
    ['the seed document', SEED_EDMX],
    ['the demo service $metadata', DEMO_METADATA_XML]
  ])('writes %s back as the same document, namespaces declared again', (_what, xml) => {
    const out = rewrite(xml);
    expect(shape(parseXml(out))).toEqual(shape(parseXml(xml)));
    expect(out).toMatch(/^<edmx:Edmx Version="4.0" xmlns:edmx="http:\/\/docs.oasis-open.org\/odata\/ns\/edmx">/);
    expect(out).toMatch(
      /<Schema (Namespace="[^"]+" )?xmlns="http:\/\/docs.oasis-open.org\/odata\/ns\/edm"( Namespace="[^"]+")?>/
    );
  });

  it('declares the CSDL namespace once per branch, not on every element', () => {
    const out = rewrite(SEED_EDMX);
    expect(out.match(/xmlns="/g)).toHaveLength(1);
    expect(out).toContain('<EntityType Name="Advertisement" HasStream="true">');
  });

  it('declares an edm prefix where a service writes prefixed CSDL elements', () => {
    const out = rewrite(
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" xmlns:edm="http://docs.oasis-open.org/odata/ns/edm"><edmx:DataServices><edm:Schema Namespace="N"><edm:EntityType Name="T"/></edm:Schema></edmx:DataServices></edmx:Edmx>'
    );
    expect(out).toContain(
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" xmlns:edm="http://docs.oasis-open.org/odata/ns/edm">'
    );
    expect(out).toContain('<edm:EntityType Name="T"/>');
    expect(() => parseXml(out)).not.toThrow();
  });

  it('keeps attributes of other namespaces (SAP sap:label) with their prefix and declaration', () => {
    const out = rewrite(
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" xmlns:sap="http://www.sap.com/Protocols/SAPData" Namespace="N">' +
        '<EntityType Name="T" sap:label="Thing" label="plain"><Property Name="A" Type="Edm.String" sap:display-format="UpperCase"/></EntityType></Schema></edmx:DataServices></edmx:Edmx>'
    );
    expect(out).toContain(
      '<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" xmlns:sap="http://www.sap.com/Protocols/SAPData" Namespace="N">'
    );
    expect(out).toContain('<EntityType Name="T" sap:label="Thing" label="plain">');
    expect(out).toContain('<Property Name="A" Type="Edm.String" sap:display-format="UpperCase"/>');
  });
});
