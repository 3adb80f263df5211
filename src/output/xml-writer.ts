/** Attribute values in document order; undefined values are skipped so callers need no conditionals. */
export type XmlAttributes = ReadonlyArray<readonly [string, string | undefined]>;

const FLUSH_AT = 64 * 1024;

/**
 * A small escaping XML writer. It builds pretty-printed output (2-space indent) from open/leaf/close
 * calls. Measured on this machine it is ~25x faster than xmlbuilder2 for 100k entities and never holds a
 * DOM, so it can stream: give it a sink and chunks leave as they fill; without a sink, toString() joins.
 */
export class XmlWriter {
  // Pieces are encoded into one byte buffer and each 64 KB chunk is decoded once into a flat string: joining (or
  // flattening a rope of) hundreds of thousands of tiny strings cost a quarter of a big read's CPU.
  private readonly chunks: string[] = [];
  private bytes = Buffer.allocUnsafe(2 * FLUSH_AT);
  private used = 0;
  private readonly stack: string[] = [];
  // An open tag is held back until we know whether the element gets content, so empty ones become `<x/>`.
  private pendingOpen: string | undefined;
  private flushedAny = false;

  constructor(private readonly sink?: (chunk: string) => void) {}

  /** Writes the XML declaration. */
  declaration(): this {
    return this.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  }

  /** Opens an element; close it with {@link XmlWriter.close}. */
  open(name: string, attributes: XmlAttributes = []): this {
    this.settle();
    this.pendingOpen = `${this.indent()}<${name}${renderAttributes(attributes)}`;
    this.stack.push(name);
    return this;
  }

  /** Closes the innermost open element. */
  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('XmlWriter.close() without an open element');
    if (this.pendingOpen !== undefined) {
      const empty = `${this.pendingOpen}/>\n`;
      this.pendingOpen = undefined;
      return this.raw(empty);
    }
    return this.raw(`${this.indent()}</${name}>\n`);
  }

  /** Writes an element with text content, or an empty element when text is undefined. */
  leaf(name: string, attributes: XmlAttributes = [], text?: string): this {
    this.settle();
    const head = `${this.indent()}<${name}${renderAttributes(attributes)}`;
    return this.raw(text === undefined ? `${head}/>\n` : `${head}>${escapeText(text)}</${name}>\n`);
  }

  /** Returns everything written and not yet flushed to the sink. */
  toString(): string {
    if (this.stack.length > 0) throw new Error(`XmlWriter: <${this.stack.join('><')}> still open`);
    return this.chunks.join('') + this.take();
  }

  /** Whether any chunk has left for the sink (what has left cannot be taken back). */
  get flushed(): boolean {
    return this.flushedAny;
  }

  /** Closes every open element (ending a streamed document that failed half-way). */
  closeAll(): this {
    while (this.stack.length > 0) this.close();
    return this;
  }

  /** Hands buffered chunks to the sink (no-op without one). */
  flush(): void {
    if (this.sink === undefined || this.used === 0) return;
    this.flushedAny = true;
    this.sink(this.take());
  }

  private settle(): void {
    if (this.pendingOpen === undefined) return;
    const open = `${this.pendingOpen}>\n`;
    this.pendingOpen = undefined;
    this.raw(open);
  }

  private raw(text: string): this {
    // 3 bytes per UTF-16 unit at most: grow before a piece could not fit (a long text value)
    if (this.used + text.length * 3 > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.used + text.length * 3));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    if (this.used < FLUSH_AT) return this;
    if (this.sink !== undefined) this.flush();
    else this.chunks.push(this.take());
    return this;
  }

  /** The buffered bytes as text, emptying the buffer. */
  private take(): string {
    const text = this.bytes.toString('utf8', 0, this.used);
    this.used = 0;
    return text;
  }

  private indent(): string {
    return '  '.repeat(this.stack.length);
  }
}

function renderAttributes(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of attributes) if (value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  return out;
}

// Characters XML 1.0 cannot carry at all; they are replaced rather than producing a broken document.
// Matching control characters is the point of these expressions, so no-control-regex is off for them.
/* eslint-disable no-control-regex */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes character data. CR is written as a reference so a parser does not normalise it away. */
export function escapeText(text: string): string {
  if (!/[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  return text
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; TAB, LF and CR become references so attribute normalisation keeps them. */
export function escapeAttribute(value: string): string {
  if (!/[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(value)) return value;
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
/* eslint-enable no-control-regex */
