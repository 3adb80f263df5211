import { createRuntime } from '../../../src/index';
import { entityTypeOfSet, parseMetadata } from '../../../src/sdk';
import { odataV2 } from '../index';
import { createStubService, seedFile } from '../testing/stub-service';
import { checkQueryNames, encodeQueryOptions } from './resource-path';

const metadata = seedFile('odata-demo-v2-cpi.metadata.xml');
const model = parseMetadata(metadata);
const products = entityTypeOfSet(model, 'Products');
const check = (raw: string) => () => checkQueryNames(model, products, encodeQueryOptions(raw));

describe('$select, $expand and $orderby names are checked against $metadata', () => {
  it.each([
    '$select=ID,Name,Price',
    '$select=*',
    '$select=ID,Category/Name&$expand=Category',
    '$select=Category/*&$expand=Category',
    '$select=Category&$expand=Category/Products/Supplier',
    '$expand=Category,Supplier/Products',
    '$select=ID, Name&$filter=Nope eq 1',
    '$orderby=Name desc,ID',
    '$orderby=Category/Name asc, Price',
    "$orderby=Name&$filter=Name eq 'a,b'"
  ])('accepts %s', raw => {
    expect(check(raw)).not.toThrow();
  });

  it.each([
    ['$select=ID,Nmae', '$select=Nmae: ODataDemo.Product has no property or navigation property "Nmae"'],
    [
      '$expand=Categroy',
      '$expand=Categroy: ODataDemo.Product has no navigation property "Categroy"; it declares: Category, Supplier'
    ],
    ['$expand=Category/Prodcts', '$expand=Category/Prodcts: ODataDemo.Category has no navigation property "Prodcts"'],
    ['$expand=Name', '$expand=Name: ODataDemo.Product has no navigation property "Name"'],
    [
      '$select=Category/Nmae&$expand=Category',
      '$select=Category/Nmae: ODataDemo.Category has no property or navigation property "Nmae"'
    ],
    ['$select=Name/ID', '$select=Name/ID: ODataDemo.Product has no navigation property "Name"'],
    [
      '$orderby=Nmae desc',
      '$orderby=Nmae: ODataDemo.Product has no property "Nmae"; it declares: ID, Name, Description'
    ],
    [
      '$orderby=ID,Category/Nmae',
      '$orderby=Category/Nmae: ODataDemo.Category has no property "Nmae"; it declares: ID, Name'
    ],
    ['$orderby=Category', '$orderby=Category: ODataDemo.Product has no property "Category"'],
    ['$orderby=Catgory/Name', '$orderby=Catgory/Name: ODataDemo.Product has no navigation property "Catgory"']
  ])('refuses %s naming it', (raw, message) => {
    expect(check(raw)).toThrow(
      expect.objectContaining({ code: 'MODEL_MISMATCH', message: expect.stringContaining(message) })
    );
  });

  it('Read sends nothing for an unknown name (status -1)', async () => {
    const stub = createStubService(metadata);
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'Read',
      params: {
        serviceUrl: 'http://stub.test/svc/',
        resourcePath: 'Categories(1)/Products',
        queryOptions: '$expand=Supplier/Prodcts'
      }
    });
    expect(r.status).toBe(-1);
    expect(r.output).toContain('MODEL_MISMATCH');
    expect(r.output).toContain('ODataDemo.Supplier has no navigation property "Prodcts"');
    expect(stub.requests.map(q => q.url)).toEqual(['http://stub.test/svc/$metadata']);
  });

  it('FunctionImport checks them against the entity type it returns', async () => {
    const stub = createStubService(metadata);
    const r = await createRuntime([odataV2], { transport: stub }).invoke({
      connector: 'odata-v2',
      operation: 'FunctionImport',
      params: {
        serviceUrl: 'http://stub.test/svc/',
        functionImport: 'GetProductsByRating',
        queryOptions: '$select=ID,Ratin'
      },
      input: '<GetProductsByRating><rating>4</rating></GetProductsByRating>'
    });
    expect(r.output).toContain('$select=Ratin: ODataDemo.Product has no property or navigation property "Ratin"');
    expect(stub.requests.map(q => q.url)).toEqual(['http://stub.test/svc/$metadata']);
  });
});
