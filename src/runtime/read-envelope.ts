import { parseXml } from '../envelope/parse-xml';
import { writtenAttributeNames, type XmlElement } from '../envelope/xml-element';
import { envelopeError } from '../errors/connector-error';

/**
 * Parses the envelope and checks it against what the operation takes: none (an empty root is what an ESB
 * hands over when there is nothing to say; content would be silently ignored, so it is refused), optional
 * or required, and the accepted roots.
 */
export function readEnvelope(
  input: string | undefined,
  mode: 'none' | 'optional' | 'required',
  roots: readonly string[] | undefined,
  operation: string
): XmlElement | undefined {
  if (input === undefined || input.trim() === '') {
    if (mode === 'required')
      throw envelopeError(
        `This operation needs an input envelope${roots === undefined ? '' : ` <${roots.join('> or <')}>`}`
      );
    return undefined;
  }
  const root = parseXml(input);
  // An empty root is what an ESB hands over when there is nothing to say; content would be silently ignored.
  const empty =
    root.children.length === 0 && (root.text ?? '').trim() === '' && writtenAttributeNames(root).length === 0;
  if (mode === 'none') {
    if (!empty)
      throw envelopeError(
        `${operation} takes no input envelope (its parameters say what to do); found <${root.name}> with content, which would be ignored`,
        root.name
      );
    return undefined;
  }
  if (mode === 'optional' && empty && roots !== undefined && !roots.includes(root.name)) return undefined;
  if (roots !== undefined && !roots.includes(root.name)) {
    throw envelopeError(`The envelope's root element is <${root.name}>; expected <${roots.join('> or <')}>`, root.name);
  }
  return root;
}
