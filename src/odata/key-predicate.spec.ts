import fs from 'node:fs';
import path from 'node:path';
import { buildKeyPredicate as buildWith, formatKeyPredicate, parseEntityId, type KeyPart } from './key-predicate';
import { parseMetadata, type EdmModel, type EdmStructuredType } from './metadata';
import { v2Dialect } from './v2-dialect';
import { v4Dialect } from './v4-dialect';

const model = parseMetadata(
  fs.readFileSync(path.join(__dirname, '../../fixtures/odata-v4/shared/demo-metadata.xml'), 'utf8')
);
const buildKeyPredicate = (m: EdmModel, t: EdmStructuredType, parts: readonly KeyPart[], target: string): string =>
  buildWith(m, t, parts, target, v4Dialect);
const type = (set: string) => model.entityTypes.get(model.entitySets.get(set) ?? '')!;

describe('parseEntityId', () => {
  it.each([
    ['1', [{ value: '1' }]],
    ['(1)', [{ value: '1' }]],
    ["'O''Neil'", [{ value: "O'Neil" }]],
    ['carlos', [{ value: 'carlos' }]],
    [
      "ID=1,Name='a,b=c'",
      [
        { name: 'ID', value: '1' },
        { name: 'Name', value: 'a,b=c' }
      ]
    ],
    ["UserName='x'", [{ name: 'UserName', value: 'x' }]],
    ['a=b', [{ value: 'a=b' }]]
  ])('%s', (text, parts) => expect(parseEntityId(text)).toEqual(parts));

  it('rejects a composite part without a name', () => {
    expect(() => parseEntityId('ID=1,2')).toThrow(expect.objectContaining({ code: 'PARAMETER_INVALID' }));
  });
});

describe('buildKeyPredicate', () => {
  it('types single keys: integers bare, strings quoted with quotes doubled and percent-encoded, GUIDs bare', () => {
    expect(buildKeyPredicate(model, type('Products'), parseEntityId('7'), 'entityId')).toBe('(7)');
    expect(buildKeyPredicate(model, type('People'), parseEntityId("o'neil & co/x"), 'entityId')).toBe(
      "('o''neil%20%26%20co%2Fx')"
    );
    expect(buildKeyPredicate(model, type('People'), parseEntityId("UserName='ab'"), 'entityId')).toBe("('ab')");
    expect(
      buildKeyPredicate(
        model,
        type('Advertisements'),
        parseEntityId('f89dee73-af9f-4cd4-b330-db93c25ff3c7'),
        'entityId'
      )
    ).toBe('(f89dee73-af9f-4cd4-b330-db93c25ff3c7)');
  });

  const composite =
    parseMetadata(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
    <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="Line"><Key><PropertyRef Name="Order"/><PropertyRef Name="Item"/></Key>
    <Property Name="Order" Type="Edm.String"/><Property Name="Item" Type="Edm.Int32"/></EntityType>
    <EntityContainer Name="C"><EntitySet Name="Lines" EntityType="N.Line"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`);
  const line = composite.entityTypes.get('N.Line')!;

  it('writes composite keys in key order, whatever order they were given in', () => {
    expect(buildKeyPredicate(composite, line, parseEntityId("Item=10,Order='A''1'"), 'entityId')).toBe(
      "(Order='A''1',Item=10)"
    );
  });

  it.each([
    [
      () => buildKeyPredicate(model, type('Products'), parseEntityId('abc'), 'entityId'),
      'VALUE_INVALID',
      '"abc" is not a valid Edm.Int32'
    ],
    [
      () => buildKeyPredicate(composite, line, parseEntityId("'A'"), 'entityId'),
      'VALUE_INVALID',
      'composite key Order, Item'
    ],
    [
      () => buildKeyPredicate(composite, line, parseEntityId("Order='A'"), 'entityId'),
      'VALUE_INVALID',
      'key property Item of N.Line has no value'
    ],
    [
      () => buildKeyPredicate(composite, line, parseEntityId("Order='A',Nope=1"), 'entityId'),
      'MODEL_MISMATCH',
      '"Nope" is not a key property'
    ]
  ])('fails clearly (%#)', (fn, code, message) => {
    expect(fn).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

describe('parseEntityId with a single key', () => {
  it('keeps an unnamed id with commas as one value', () => {
    expect(parseEntityId('Smith, John', 1)).toEqual([{ value: 'Smith, John' }]);
    expect(parseEntityId("ID=1,Name='x'", 2)).toEqual([
      { name: 'ID', value: '1' },
      { name: 'Name', value: 'x' }
    ]);
    expect(() => parseEntityId('Smith, John', 2)).toThrow('Name=value pairs');
  });
});

describe('formatKeyPredicate', () => {
  it('builds single and composite key predicates in V2 literals, percent-encoded for a path segment', () => {
    expect(formatKeyPredicate([{ name: 'ID', type: 'Edm.Int32', value: '1' }], v2Dialect)).toBe('(1)');
    expect(
      formatKeyPredicate(
        [
          { name: 'W', type: 'Edm.String', value: "O'Hare A/B" },
          { name: 'Y', type: 'Edm.Int64', value: '2024' }
        ],
        v2Dialect
      )
    ).toBe("(W='O''Hare%20A%2FB',Y=2024L)");
  });
});
