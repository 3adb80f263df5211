import { envelopeError } from '../errors/connector-error';

const XML_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/**
 * What fast-xml-parser's validator lets through but XML 1.0 forbids, checked before parsing: a DOCTYPE
 * (entity expansion), references other than the five predefined entities and numeric character
 * references (the parser would decode HTML names such as `&nbsp;` or pass `&foo;` on as text), references
 * to characters XML does not allow (`&#0;`, lone surrogates: the parser drops them silently), and `<`
 * inside an attribute value. CDATA sections and comments are skipped: anything may stand there.
 */
export function checkMarkup(xml: string): void {
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, m => ' '.repeat(m.length));
  if (/<!DOCTYPE/i.test(markup)) {
    throw envelopeError('The envelope contains a DOCTYPE declaration; DTDs and entity declarations are refused');
  }
  for (const m of markup.matchAll(/&([^;&<\s]*)(;?)/g)) {
    const [ref, name = '', semicolon] = m;
    // Only a refusal needs the line and column: computing them for every reference made big envelopes quadratic.
    const where = (): string => `at ${position(xml, m.index ?? 0)}`;
    if (semicolon === '')
      throw envelopeError(`The envelope is not well-formed XML: "&" must start a reference such as &amp; (${where()})`);
    if (XML_ENTITIES.has(name)) continue;
    const code = /^#x[0-9a-f]+$/i.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : undefined;
    if (code === undefined)
      throw envelopeError(
        `The envelope refers to the undeclared entity ${ref} (${where()}); XML knows only &lt; &gt; &amp; &quot; &apos; and numeric references`
      );
    if (!isXmlChar(code))
      throw envelopeError(`The envelope's character reference ${ref} is not a character XML allows (${where()})`);
  }
  checkAttributeValues(markup, xml);
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Walks the tags (text between them may hold quotes freely) and refuses `<` inside a quoted value. */
function checkAttributeValues(markup: string, xml: string): void {
  let i = markup.indexOf('<');
  while (i >= 0 && i < markup.length) {
    let quote: string | undefined;
    let j = i + 1;
    for (; j < markup.length; j++) {
      const c = markup[j];
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
        else if (c === '<')
          throw envelopeError(
            `The envelope is not well-formed XML: "<" inside an attribute value must be written &lt; (at ${position(xml, j)})`
          );
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    i = markup.indexOf('<', j + 1);
  }
}

function position(xml: string, index: number): string {
  const before = xml.slice(0, index).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}`;
}
