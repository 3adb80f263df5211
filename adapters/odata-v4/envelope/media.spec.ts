import { parseMetadata, parseXml } from '../../../src/sdk';
import { demoModel } from '../testing/demo-model';
import { mediaLocationOf, mediaSuffix } from '../operations/targets';
import { readMedia } from './x4-envelope';

const media = (xml: string) => readMedia(parseXml(xml));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('readMedia', () => {
  it('decodes base64 (the default), ignoring the line breaks of wrapped base64', () => {
    const m = media('<Media contentType="image/png">iVBORw0K\n  GgoAAAAN</Media>');
    expect(m.contentType).toBe('image/png');
    expect(Buffer.from(m.bytes).toString('base64')).toBe('iVBORw0KGgoAAAAN');
  });

  it('accepts base64url too', () => {
    expect([...media('<Media contentType="application/octet-stream">-_8=</Media>').bytes]).toEqual([0xfb, 0xff]);
  });

  it('takes encoding="text" as UTF-8, keeping white space', () => {
    expect(text(media('<Media contentType="text/plain" encoding="text"> Grüße\n</Media>').bytes)).toBe(' Grüße\n');
  });

  it('reads empty media as zero bytes', () => {
    expect(media('<Media contentType="text/plain"/>').bytes).toHaveLength(0);
  });

  it.each([
    ['no contentType', '<Media>AAAA</Media>', 'ENVELOPE_INVALID', 'needs the attribute "contentType"'],
    [
      'an unknown encoding',
      '<Media contentType="text/plain" encoding="hex">00</Media>',
      'ENVELOPE_INVALID',
      '<Media encoding="hex"> is not supported; use base64 or text'
    ],
    [
      'characters base64 does not have',
      '<Media contentType="image/png">ab$d</Media>',
      'VALUE_INVALID',
      'not valid base64'
    ],
    [
      'base64 of an impossible length',
      '<Media contentType="image/png">abcde</Media>',
      'VALUE_INVALID',
      'not valid base64'
    ]
  ])('refuses %s', (_what, xml, code, message) => {
    expect(() => media(xml)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

describe('mediaLocationOf', () => {
  const model = demoModel();
  const ads = model.entityTypes.get('ODataDemo.Advertisements')!;
  const products = model.entityTypes.get('ODataDemo.Products')!;
  const twoStreams = parseMetadata(
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">' +
      '<EntityType Name="Doc"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/><Property Name="Pdf" Type="Edm.Stream"/><Property Name="Thumb" Type="Edm.Stream"/></EntityType>' +
      '<EntityType Name="Photo" HasStream="true"><Key><PropertyRef Name="ID"/></Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/></EntityType>' +
      '<EntityContainer Name="C"><EntitySet Name="Docs" EntityType="N.Doc"/><EntitySet Name="Photos" EntityType="N.Photo"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>'
  );
  const doc = twoStreams.entityTypes.get('N.Doc')!;

  it("uses a type's only stream property (CAP's Advertisements/Media)", () => {
    const location = mediaLocationOf(model, ads, undefined);
    expect(location).toEqual({ kind: 'stream-property', property: 'Media' });
    expect(mediaSuffix(location)).toBe('/Media');
  });

  it('uses $value of a media entity (HasStream)', () => {
    const location = mediaLocationOf(twoStreams, twoStreams.entityTypes.get('N.Photo')!, undefined);
    expect(location).toEqual({ kind: 'media-entity' });
    expect(mediaSuffix(location)).toBe('/$value');
  });

  it('takes the stream property mediaProperty names', () => {
    expect(mediaLocationOf(twoStreams, doc, 'Thumb')).toEqual({ kind: 'stream-property', property: 'Thumb' });
  });

  it.each([
    [
      'several stream properties and no choice',
      () => mediaLocationOf(twoStreams, doc, undefined),
      'PARAMETER_MISSING',
      'choose one with mediaProperty (its stream properties: Pdf, Thumb)'
    ],
    [
      'a mediaProperty that is no stream',
      () => mediaLocationOf(model, ads, 'Name'),
      'MODEL_MISMATCH',
      'has no stream property "Name" (its stream properties: Media)'
    ],
    [
      'a type without media',
      () => mediaLocationOf(model, products, undefined),
      'MODEL_MISMATCH',
      'ODataDemo.Products is not a media entity'
    ]
  ])('refuses %s', (_what, locate, code, message) => {
    expect(locate).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});
