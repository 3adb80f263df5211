import { TextDecoder } from 'node:util';
import { UsageError } from './parse-args';

/**
 * Decodes the bytes of an envelope file or stdin as XML does: a UTF-16 byte-order mark, else the
 * encoding its XML declaration names (X4 flows often keep ISO-8859-1), else UTF-8. Bytes that do not
 * decode are refused rather than turned into U+FFFD and sent (a usage error: the file is the problem).
 */
export function decodeEnvelope(bytes: Uint8Array, source: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', source);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', source);
  // the declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) return decode(bytes, declared, source);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${source} is not valid UTF-8 and its XML declaration names no other encoding: save it as UTF-8, or declare its encoding (<?xml version="1.0" encoding="ISO-8859-1"?>)`
    );
  }
}

function decode(bytes: Uint8Array, encoding: string, source: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new UsageError(`${source} declares the encoding "${encoding}", which is not supported; save it as UTF-8`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UsageError(`${source} is not valid ${encoding}, the encoding it declares`);
  }
}
