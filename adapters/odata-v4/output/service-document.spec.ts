import { parseLosslessJson, XmlWriter, type LosslessObject } from '../../../src/sdk';
import { serviceDocumentToX4, writeReadOutput } from '../operations/read-collection';

const xmlOf = (json: string): string => {
  const w = new XmlWriter();
  writeReadOutput(serviceDocumentToX4(parseLosslessJson(json) as LosslessObject), w);
  return w.toString().replace(/\n\s*/g, '');
};

describe('serviceDocumentToX4', () => {
  it("gives the seed's ReadCollections answer for the seed's service: kind only where it is not an EntitySet", () => {
    const json = JSON.stringify({
      '@odata.context': '$metadata',
      value: [
        { name: 'Products', kind: 'EntitySet', url: 'Products' },
        { name: 'Categories', url: 'Categories' },
        { name: 'Advertisements', kind: 'EntitySet', url: 'Advertisements' },
        { name: 'CountCategories', kind: 'FunctionImport', url: 'CountCategories' }
      ]
    });
    // The X4 documentation's "Antwort ReadCollections", white space between elements removed.
    expect(xmlOf(json)).toBe(
      '<Object> <Value type="String" name="@odata.context">$metadata</Value> <Array name="value"> <Object> <Value type="String" name="name">Products</Value> <Value type="String" name="url">Products</Value> </Object> <Object> <Value type="String" name="name">Categories</Value> <Value type="String" name="url">Categories</Value> </Object> <Object> <Value type="String" name="name">Advertisements</Value> <Value type="String" name="url">Advertisements</Value> </Object> <Object> <Value type="String" name="name">CountCategories</Value> <Value type="String" name="url">CountCategories</Value> <Value type="String" name="kind">FunctionImport</Value> </Object> </Array> </Object>'.replace(
        />\s+</g,
        '><'
      )
    );
  });

  it('lists singletons with their kind and keeps the service order', () => {
    const out = xmlOf('{"value":[{"name":"Info","url":"Info","kind":"Singleton"},{"name":"A","url":"A"}]}');
    expect(out).toBe(
      '<Object><Array name="value"><Object><Value type="String" name="name">Info</Value><Value type="String" name="url">Info</Value><Value type="String" name="kind">Singleton</Value></Object><Object><Value type="String" name="name">A</Value><Value type="String" name="url">A</Value></Object></Array></Object>'
    );
  });

  it('leaves out entries that are not objects and members that are not strings; no value is an empty list', () => {
    expect(xmlOf('{"value":[1,{"name":"A","url":2,"title":"x"}]}')).toBe(
      '<Object><Array name="value"><Object><Value type="String" name="name">A</Value></Object></Array></Object>'
    );
    expect(xmlOf('{"@odata.context":"$metadata"}')).toBe(
      '<Object><Value type="String" name="@odata.context">$metadata</Value><Array name="value"/></Object>'
    );
  });
});
