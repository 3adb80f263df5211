import { defineOperation, headerOf, type ResolvedParams } from '../../../src/sdk';
import { optionalParam, requireParam } from '../params';
import { sendChecked } from '../request/http';
import { mediaLocationOf, mediaSuffix } from '../request/media';
import { entityPath, serviceOf } from './support';

interface Output {
  readonly contentType: string;
  readonly base64: string;
  readonly length: number;
}

/** ReadMediaEntity: GET `Set(key)/$value` (or the stream property) as `<Media contentType encoding="base64" length>`. */
export const readMediaEntity = defineOperation<ResolvedParams, Output>({
  description: 'Reads the media of an entity (entitySet, entityId) as base64',
  envelope: 'none',
  read(_envelope, params) {
    requireParam(params, 'entitySet', 'ReadMediaEntity');
    requireParam(params, 'entityId', 'ReadMediaEntity');
    return params;
  },
  async execute(params, ctx) {
    const { root, model } = await serviceOf(ctx);
    const { path, type } = entityPath(
      model,
      requireParam(params, 'entitySet', 'ReadMediaEntity'),
      requireParam(params, 'entityId', 'ReadMediaEntity')
    );
    const location = mediaLocationOf(model, type, optionalParam(params, 'mediaProperty'));
    const response = await sendChecked(ctx, {
      method: 'GET',
      url: `${root}${path}${mediaSuffix(location)}`,
      headers: { accept: '*/*' },
      responseType: 'binary'
    });
    const bytes = response.bytes ?? new Uint8Array(Buffer.from(response.body, 'base64'));
    return {
      status: 1,
      output: {
        contentType: headerOf(response, 'content-type') ?? '',
        base64: Buffer.from(bytes).toString('base64'),
        length: bytes.length
      }
    };
  },
  write(output, w) {
    // no Content-Type (a 204 for an entity without media): none is claimed
    w.leaf(
      'Media',
      [
        ['contentType', output.contentType === '' ? undefined : output.contentType],
        ['encoding', 'base64'],
        ['length', String(output.length)]
      ],
      output.base64 === '' ? undefined : output.base64
    );
  }
});
