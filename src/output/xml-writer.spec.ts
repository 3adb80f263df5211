import { parseXml } from '../envelope/parse-xml';
import { escapeAttribute, escapeText, XmlWriter } from './xml-writer';

describe('XmlWriter', () => {
  it('writes indented elements and skips undefined attributes', () => {
    const w = new XmlWriter();
    w.open('Object', [['name', undefined]])
      .leaf(
        'Value',
        [
          ['type', 'Number'],
          ['name', 'ID']
        ],
        '1'
      )
      .leaf('Value', [['type', 'Null']])
      .close();
    expect(w.toString()).toBe(
      '<Object>\n  <Value type="Number" name="ID">1</Value>\n  <Value type="Null"/>\n</Object>\n'
    );
  });

  it('writes an element that got no content as an empty element', () => {
    const w = new XmlWriter();
    w.open('Object')
      .open('Array', [['name', 'value']])
      .close()
      .close();
    expect(w.toString()).toBe('<Object>\n  <Array name="value"/>\n</Object>\n');
  });

  it('round-trips hostile text and attributes through a parser unchanged', () => {
    const nasty = ' a&b <c> "d" \'e\' \t\nf\r\n € 日本 ';
    const w = new XmlWriter();
    w.leaf('V', [['a', nasty]], nasty);
    const parsed = parseXml(w.toString());
    expect(parsed.text).toBe(nasty);
    expect(parsed.attributes['a']).toBe(nasty);
  });

  it('replaces characters XML 1.0 cannot carry instead of writing a broken document', () => {
    expect(escapeText('a\u0001b')).toBe('a\uFFFDb');
    expect(escapeAttribute('x\u0000')).toBe('x\uFFFD');
  });

  it('streams to a sink in chunks and loses nothing', () => {
    const chunks: string[] = [];
    const w = new XmlWriter(c => chunks.push(c));
    w.open('Array');
    for (let i = 0; i < 5000; i++)
      w.leaf('Value', [['type', 'String']], `value ${i} with some text to fill the buffer`);
    w.close();
    w.flush();
    expect(chunks.length).toBeGreaterThan(1);
    expect(parseXml(chunks.join('')).children).toHaveLength(5000);
  });

  it('refuses to close what is not open and to finish with open elements', () => {
    expect(() => new XmlWriter().close()).toThrow(/without an open element/);
    expect(() => new XmlWriter().open('A').toString()).toThrow(/<A> still open/);
  });
});
