import {
  ConnectorError,
  parseLosslessJson,
  parseXml,
  sendChecked,
  writeX4Node,
  type X4Node,
  type XmlElement
} from '../../../src/sdk';
import { writeEdmx } from '../output/edmx-xml';
import { untyped } from '../output/typed-x4';
import { rootOf, v4 } from '../params';

type Output =
  { readonly kind: 'edmx'; readonly root: XmlElement } | { readonly kind: 'csdl-json'; readonly node: X4Node };

/**
 * ReadMetadata: GET `$metadata`. With contentTypeMetadata `application/xml` (default) the output is the EDMX
 * document itself; with `application/json` the CSDL JSON document as an X4 `<Object>` tree.
 */
export const readMetadata = v4.define({
  description: 'Reads the service metadata document (contentTypeMetadata: application/xml or application/json)',
  envelope: 'none',
  read: (_envelope, params) => ({ json: params.contentTypeMetadata === 'application/json' }),
  *plan({ json }, { params }) {
    const url = `${rootOf(params)}$metadata`;
    const response = yield* sendChecked({
      method: 'GET',
      url,
      headers: { accept: json ? 'application/json' : 'application/xml' }
    });
    const body = response.body.replace(/^\uFEFF/, '');
    // An empty answer (a dry run's 204 too) is no document; say so rather than blame an envelope.
    if (body.trim() === '')
      throw new ConnectorError(
        'RESPONSE_INVALID',
        `GET ${url} answered ${response.status} without a metadata document`,
        {
          url
        }
      );
    const output: Output = json
      ? { kind: 'csdl-json', node: untyped(parseLosslessJson(body), undefined) }
      : { kind: 'edmx', root: parseXml(body) };
    return { status: 1, output };
  },
  write(output, w) {
    if (output.kind === 'edmx') writeEdmx(w, output.root);
    else writeX4Node(w, output.node);
  }
});
