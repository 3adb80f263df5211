import { defineOperation, parseXml, writeX4Node, type XmlElement, type X4Node } from '../../../src/sdk';
import { parseLosslessJson } from '../../../src/sdk';
import { sendChecked, serviceRootOf } from '../request/http';
import { writeEdmx } from '../response/edmx-xml';
import { untyped } from '../response/typed-x4';

type Output =
  { readonly kind: 'edmx'; readonly root: XmlElement } | { readonly kind: 'csdl-json'; readonly node: X4Node };

/**
 * ReadMetadata: GET `$metadata`. With contentTypeMetadata `application/xml` (default) the output is the EDMX
 * document itself; with `application/json` the CSDL JSON document as an X4 `<Object>` tree.
 */
export const readMetadata = defineOperation<{ readonly json: boolean }, Output>({
  description: 'Reads the service metadata document (contentTypeMetadata: application/xml or application/json)',
  envelope: 'none',
  read: (_envelope, params) => ({ json: params['contentTypeMetadata'] === 'application/json' }),
  async execute({ json }, ctx) {
    const root = serviceRootOf(String(ctx.params['serviceUrl']));
    const request = {
      method: 'GET',
      url: `${root}$metadata`,
      headers: { accept: json ? 'application/json' : 'application/xml' }
    } as const;
    const response = await sendChecked(ctx, request);
    if (json)
      return { status: 1, output: { kind: 'csdl-json', node: untyped(parseLosslessJson(response.body), undefined) } };
    return { status: 1, output: { kind: 'edmx', root: parseXml(response.body.replace(/^\uFEFF/, '')) } };
  },
  write(output, w) {
    if (output.kind === 'edmx') writeEdmx(w, output.root);
    else writeX4Node(w, output.node);
  }
});
