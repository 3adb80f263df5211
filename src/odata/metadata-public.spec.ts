import fs from 'node:fs';
import path from 'node:path';
import { entityTypeOfSet, findNavigation, findProperty, keysOf, parseMetadata } from './metadata';

// Public EDMX recordings (fixtures/public, copied verbatim with their licences; see SOURCES.md there), never edited.
const PUBLIC = path.join(__dirname, '..', '..', 'fixtures', 'public');
const read = (file: string): string => fs.readFileSync(path.join(PUBLIC, file), 'utf8');

describe('parseMetadata on public EDMX documents', () => {
  it('reads the V2 ODataDemo service: types, keys, complex types, associations, function import verbs', () => {
    const model = parseMetadata(read('oasis-odata-openapi/odata-rw-v2.xml'));
    expect(model.version).toBe('2.0');
    const product = entityTypeOfSet(model, 'Products');
    expect(product.qualifiedName).toBe('ODataDemo.Product');
    expect(keysOf(model, product)).toEqual(['ID']);
    expect(findProperty(model, product, 'ReleaseDate')).toMatchObject({ type: 'Edm.DateTime', nullable: false });
    expect(findNavigation(model, product, 'Category')).toEqual({
      name: 'Category',
      target: 'ODataDemo.Category',
      collection: false
    });
    expect(findNavigation(model, entityTypeOfSet(model, 'Categories'), 'Products')).toMatchObject({ collection: true });
    expect(model.complexTypes.get('ODataDemo.Address')?.properties.get('City')?.type).toBe('Edm.String');
    expect(entityTypeOfSet(model, 'Suppliers').etag).toBe('Concurrency');
    expect(model.imports.get('GetProductsByRating')?.[0]).toMatchObject({
      httpMethod: 'GET',
      returnType: 'Collection(ODataDemo.Product)',
      parameters: [{ name: 'rating', type: 'Edm.Int32' }]
    });
  });

  it('reads V4 TripPin: singletons, bound functions and actions, complex base types, function imports', () => {
    const model = parseMetadata(read('simple-odata-client/metadata/TripPin.xml'));
    expect(model.version).toBe('4.0');
    expect(model.singletons.get('Me')).toBe('Microsoft.OData.SampleService.Models.TripPin.Person');
    expect(model.imports.get('GetNearestAirport')?.[0]).toMatchObject({ kind: 'Function', bound: false });
    expect(model.operations.get('ShareTrip')?.[0]).toMatchObject({ kind: 'Action', bound: true });
    const person = entityTypeOfSet(model, 'People');
    expect(findProperty(model, person, 'AddressInfo')?.type).toBe(
      'Collection(Microsoft.OData.SampleService.Models.TripPin.Location)'
    );
    expect(model.complexTypes.get('Microsoft.OData.SampleService.Models.TripPin.EventLocation')?.baseType).toBe(
      'Microsoft.OData.SampleService.Models.TripPin.Location'
    );
  });

  it('reads a real 1 MB S/4HANA EDMX (MD_BUSINESSPARTNER_SRV)', () => {
    const model = parseMetadata(read('sap-open-ux-odata/v2/MD_BUSINESSPARTNER_SRV.metadata.xml'));
    expect(model.entitySets.size).toBeGreaterThan(100);
    expect(model.imports.size).toBeGreaterThan(50);
  });

  it('names the sets when an entity set is unknown', () => {
    const model = parseMetadata(read('oasis-odata-openapi/odata-rw-v2.xml'));
    expect(() => entityTypeOfSet(model, 'Produkts')).toThrow(
      /no entity set "Produkts"; its entity sets: Products, Categories, Suppliers/
    );
  });

  it('rejects a document that is not EDMX', () => {
    expect(() => parseMetadata('<html><body>Login</body></html>')).toThrow(
      expect.objectContaining({ code: 'RESPONSE_INVALID' })
    );
  });
});
