import { headerOf, sendChecked } from '../../../src/sdk';
import { required, rootOf, serviceModel, v4 } from '../params';
import { mediaLocationOf, mediaSuffix } from './media-location';
import { entityPath } from './targets';

const NAME = 'ReadMediaEntity';

/** ReadMediaEntity: GET `Set(key)/$value` (or the stream property) as `<Media contentType encoding="base64" length>`. */
export const readMediaEntity = v4.define({
  description: 'Reads the media of an entity (entitySet, entityId) as base64',
  envelope: 'none',
  model: serviceModel,
  read: (_envelope, params) => ({
    entitySet: required(params.entitySet, 'entitySet', NAME),
    entityId: required(params.entityId, 'entityId', NAME),
    mediaProperty: params.mediaProperty
  }),
  *plan({ entitySet, entityId, mediaProperty }, { params, model }) {
    const { path, type } = entityPath(model, entitySet, entityId);
    const url = `${rootOf(params)}${path}${mediaSuffix(mediaLocationOf(model, type, mediaProperty))}`;
    const response = yield* sendChecked({ method: 'GET', url, headers: { accept: '*/*' }, responseType: 'binary' });
    const bytes = response.bytes ?? new Uint8Array(Buffer.from(response.body, 'base64'));
    const contentType = headerOf(response, 'content-type') ?? '';
    return { status: 1, output: { contentType, base64: Buffer.from(bytes).toString('base64'), length: bytes.length } };
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
