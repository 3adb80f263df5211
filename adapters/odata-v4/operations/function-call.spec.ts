import { parseMetadata, parseXml } from '../../../src/sdk';
import { demoModel } from '../testing/demo-model';
import { SEED_FUNCTION } from '../testing/seed-samples';
import { readFunctionCall } from '../envelope/x4-envelope';
import { actionBody, functionPath, resolveCallable } from './function-call';

const model = demoModel();
const call = (xml: string) => readFunctionCall(parseXml(xml));
const fn = (params: string, name = 'CountCategories') =>
  call(`<Request><Function name="${name}">${params}</Function></Request>`);

const WITH_COLLECTION = parseMetadata(
  '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">' +
    '<Function Name="Near"><Parameter Name="Ids" Type="Collection(Edm.Int64)" Nullable="false"/><Parameter Name="Name" Type="Edm.String"/><ReturnType Type="Edm.Int32"/></Function>' +
    '<EntityContainer Name="C"><FunctionImport Name="Near" Function="N.Near"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>'
);

describe('readFunctionCall', () => {
  it('reads the seed sample', () => {
    expect(readFunctionCall(parseXml(SEED_FUNCTION))).toEqual({
      name: 'CountCategories',
      parameters: [['Amount', '2']]
    });
  });

  it('reads a value as text, xsi:nil as null and <Items> as a list; <Action> is a synonym', () => {
    const c = call(
      '<Action name="Near" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Parameter name="Name">00012</Parameter><Parameter name="Other" xsi:nil="true"/><Parameter name="Ids"><Items>1</Items><Items> 2 </Items></Parameter></Action>'
    );
    expect(c).toEqual({
      name: 'Near',
      parameters: [
        ['Name', '00012'],
        ['Other', null],
        ['Ids', ['1', '2']]
      ]
    });
  });

  it.each([
    ['no <Function>', '<Request><Entity/></Request>', 'expects <Request><Function name="…">'],
    [
      'two <Function>s',
      '<Request><Function name="A"/><Function name="B"/></Request>',
      'expects <Request><Function name="…">'
    ],
    ['no name', '<Request><Function/></Request>', '<Function> needs the attribute "name"'],
    [
      'a parameter without a name',
      '<Request><Function name="A"><Parameter value="1"/></Function></Request>',
      'child 1 is <Parameter> without a name'
    ],
    [
      'another child element',
      '<Request><Function name="A"><Param name="x"/></Function></Request>',
      'child 1 is <Param>'
    ],
    // both would be sent (A(Amount=1,Amount=2)) and the service would silently keep one
    [
      'a parameter given twice',
      '<Request><Function name="A"><Parameter name="Amount" value="1"/><Parameter name="Amount" value="2"/></Function></Request>',
      'names the parameter "Amount" twice'
    ]
  ])('refuses %s with ENVELOPE_INVALID', (_what, xml, message) => {
    expect(() => call(xml)).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_INVALID', message: expect.stringContaining(message) })
    );
  });
});

describe('resolveCallable', () => {
  it('finds an import by name, with or without a namespace', () => {
    expect(resolveCallable(model, fn('')).segment).toBe('CountCategories');
    expect(resolveCallable(model, fn('', 'ODataDemo.CountCategories')).operation.kind).toBe('Function');
    expect(resolveCallable(model, fn('', 'Reset')).operation.kind).toBe('Action');
  });

  it('finds a bound operation by its binding type and calls it by its qualified name', () => {
    const r = resolveCallable(model, fn('<Parameter name="Rate" value="19"/>', 'PriceWithTax'), 'ODataDemo.Products');
    expect(r.segment).toBe('ODataDemo.PriceWithTax');
  });

  it.each([
    [
      'an unknown import, listing the imports',
      () => resolveCallable(model, fn('', 'Nope')),
      'no function or action import "Nope"; its imports: CountCategories, Reset'
    ],
    [
      'a bound function called unbound, saying how to bind it',
      () => resolveCallable(model, fn('', 'PriceWithTax')),
      '"PriceWithTax" is bound: pass entitySet'
    ],
    [
      'a function bound to another type',
      () => resolveCallable(model, fn('', 'PriceWithTax'), 'ODataDemo.Categories'),
      'No function or action "PriceWithTax" is bound to ODataDemo.Categories'
    ]
  ])('refuses %s with MODEL_MISMATCH', (_what, resolve, message) => {
    expect(resolve).toThrow(
      expect.objectContaining({ code: 'MODEL_MISMATCH', message: expect.stringContaining(message) })
    );
  });
});

describe('functionPath and actionBody', () => {
  const path = (c: ReturnType<typeof fn>, m = model) => {
    const r = resolveCallable(m, c);
    return functionPath(r.operation, r.segment, c);
  };

  it('puts typed parameters inline (the seed sample: CountCategories(Amount=2))', () => {
    expect(path(fn('<Parameter name="Amount" value="2"/>'))).toBe('CountCategories(Amount=2)');
    expect(path(fn(''))).toBe('CountCategories()');
  });

  it('quotes and escapes strings, passes collections as JSON aliases, Int64 as exact strings', () => {
    const c = call(
      '<Function name="Near"><Parameter name="Name" value="O\'Hare &amp; co/1"/><Parameter name="Ids"><Items>9223372036854775807</Items><Items>1</Items></Parameter></Function>'
    );
    expect(path(c, WITH_COLLECTION)).toBe(
      `Near(Name='O''Hare%20%26%20co%2F1',Ids=@Ids)?@Ids=${encodeURIComponent('["9223372036854775807","1"]')}`
    );
  });

  it('writes null for xsi:nil', () => {
    expect(
      path(fn('<Parameter name="Amount" xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'))
    ).toBe('CountCategories(Amount=null)');
  });

  it('sends an action its parameters as a typed JSON body', () => {
    const c = fn('<Parameter name="Amount" value="+3"/>', 'Reset');
    expect(actionBody(resolveCallable(model, c).operation, c)).toBe('{"Amount":3}');
  });

  it.each([
    [
      'an unknown parameter',
      fn('<Parameter name="Count" value="2"/>'),
      'MODEL_MISMATCH',
      'Function CountCategories has no parameter "Count"; its parameters: Amount'
    ],
    [
      'a value that does not fit',
      fn('<Parameter name="Amount" value="two"/>'),
      'VALUE_INVALID',
      '"two" is not a valid Edm.Int32'
    ],
    [
      'a missing non-nullable parameter',
      call('<Function name="Near"><Parameter name="Name" value="x"/></Function>'),
      'VALUE_INVALID',
      'needs the parameter "Ids" (Collection(Edm.Int64))'
    ]
  ])('refuses %s before anything is sent', (_what, c, code, message) => {
    const m = c.name === 'Near' ? WITH_COLLECTION : model;
    expect(() => path(c, m)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});
