// The peer: the SAP Cloud SDK's own V4 entity deserializer over the same pages, with a hand-declared entity API
// for Products (what a generated client declares), doing what GetAllRequestBuilder.execute() does per page:
// getCollectionResult(data).map(json => deserializeEntity(json, api, headers)). The entities are kept, as
// execute() returns them all. No X4 is written: this is the SDK's cost of getting typed entities, not ours.
'use strict';
const {
  Entity,
  FieldBuilder,
  ComplexTypeField,
  defaultDeSerializers,
  entityDeserializer
} = require('@sap-cloud-sdk/odata-v4');
const { getCollectionResult } = require('@sap-cloud-sdk/odata-v4/internal');
const { get } = require('./floors');

class Product extends Entity {}
Product._entityName = 'Products';
Product._defaultBasePath = '/';
Product._keys = ['ID'];

const Address = {
  _propertyMetadata: [
    { originalName: 'Street', name: 'street', type: 'Edm.String', isCollection: false },
    { originalName: 'City', name: 'city', type: 'Edm.String', isCollection: false }
  ]
};

class AddressField extends ComplexTypeField {
  constructor(fieldName, fieldOf, deSerializers, fieldOptions) {
    super(fieldName, fieldOf, deSerializers, Address, fieldOptions);
    const fb = new FieldBuilder(this, deSerializers);
    this.street = fb.buildEdmTypeField('Street', 'Edm.String', true);
    this.city = fb.buildEdmTypeField('City', 'Edm.String', true);
  }
}

const fb = new FieldBuilder(Product, defaultDeSerializers);
const schema = {
  ID: fb.buildEdmTypeField('ID', 'Edm.Int32', false),
  NAME: fb.buildEdmTypeField('Name', 'Edm.String', false),
  DESCRIPTION: fb.buildEdmTypeField('Description', 'Edm.String', true),
  RELEASE_DATE: fb.buildEdmTypeField('ReleaseDate', 'Edm.DateTimeOffset', true),
  PRICE: fb.buildEdmTypeField('Price', 'Edm.Decimal', true),
  RATING: fb.buildEdmTypeField('Rating', 'Edm.Double', true),
  DISCONTINUED: fb.buildEdmTypeField('Discontinued', 'Edm.Boolean', true),
  UUID: fb.buildEdmTypeField('UUID', 'Edm.Guid', true),
  STOCK: fb.buildEdmTypeField('Stock', 'Edm.Int64', true),
  ADDRESS: fb.buildComplexTypeField('Address', AddressField, true)
};
const api = { entityConstructor: Product, schema, deSerializers: defaultDeSerializers };
const deserializer = entityDeserializer(defaultDeSerializers);

/** Reads every page of Products and deserializes each entity; resolves to the entities. */
async function sapReadV4(serviceUrl) {
  const entities = [];
  let url = `${serviceUrl}Products`;
  while (url) {
    const res = await get(url, { accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    const data = JSON.parse(res.body.toString('utf8'));
    for (const json of getCollectionResult(data)) entities.push(deserializer.deserializeEntity(json, api, res.headers));
    url = data['@odata.nextLink'] ? new URL(data['@odata.nextLink'], url).href : undefined;
  }
  return entities;
}

module.exports = { sapReadV4 };
