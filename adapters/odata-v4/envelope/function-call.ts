import {
  attrOf,
  envelopeError,
  isNil,
  refuseStrayText,
  refuseUnknownAttributes,
  requireAttr,
  type XmlElement
} from '../../../src/sdk';
import { itemsOf } from './query-options';

/** A parameter as written: null for xsi:nil, an array for an `<Items>` list. */
export type ParameterValue = string | null | readonly string[];

export interface FunctionCall {
  readonly name: string;
  readonly parameters: ReadonlyArray<readonly [string, ParameterValue]>;
}

/** Reads `<Request><Function name>` (or a bare `<Function>`; `<Action>` is accepted as a synonym). */
export function readFunctionCall(envelope: XmlElement | undefined): FunctionCall {
  const fn = envelope?.name === 'Function' || envelope?.name === 'Action' ? envelope : envelope?.children[0];
  if (
    envelope === undefined ||
    fn === undefined ||
    (fn.name !== 'Function' && fn.name !== 'Action') ||
    (fn !== envelope && envelope.children.length > 1)
  ) {
    throw envelopeError(
      'ExecuteFunction expects <Request><Function name="…"> with <Parameter name value> children',
      `${envelope?.name ?? 'Request'}/Function`
    );
  }
  const name = requireAttr(fn, 'name', 'Function').trim();
  if (fn !== envelope) refuseUnknownAttributes(envelope, []);
  refuseUnknownAttributes(fn, ['name'], fn.name);
  refuseStrayText(envelope);
  refuseStrayText(fn);
  const parameters = fn.children.map((p, i): readonly [string, ParameterValue] => {
    const pname = attrOf(p, 'name')?.trim();
    if (p.name !== 'Parameter' || pname === undefined || pname === '') {
      throw envelopeError(
        `<Function> may only contain <Parameter name="…">; child ${i + 1} is <${p.name}>${p.name === 'Parameter' ? ' without a name' : ''}`,
        `Function/${p.name}[${i + 1}]`
      );
    }
    const path = `${fn.name}/Parameter[@name='${pname}']`;
    if (fn.children.slice(0, i).some(q => attrOf(q, 'name')?.trim() === pname))
      throw envelopeError(`<${fn.name}> names the parameter "${pname}" twice`, path);
    return [pname, itemsOf(p, path) ?? (isNil(p) ? null : (attrOf(p, 'value') ?? p.text ?? ''))];
  });
  return { name, parameters };
}
