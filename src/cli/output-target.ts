import fs from 'node:fs';
import type { OutputSink } from '../runtime/result-writer';
import type { CliIo } from './cli-io';
import { UsageError } from './parse-args';

/** Where an invocation's result goes: a file (`--output`) or standard output, written as it comes. */
export interface OutputTarget {
  readonly sink: OutputSink;
  /** Waits until everything written is out (a file is closed). */
  close(): Promise<void>;
}

/** Opens `--output FILE` now, so a path that cannot be written is a usage error before anything is sent. */
export function openOutputFile(file: string): OutputTarget {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w');
  } catch (error) {
    throw new UsageError(`Cannot write --output ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stream = fs.createWriteStream('', { fd, encoding: 'utf8' });
  return {
    sink: stream,
    close: () =>
      new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      })
  };
}

/** Standard output: the stream the host gave, or (in-process specs) the text callback, which never pushes back. */
export function stdoutTarget(io: CliIo): OutputTarget {
  const sink: OutputSink = io.stdoutSink ?? {
    write: chunk => {
      io.stdout(chunk);
      return true;
    },
    once: () => undefined
  };
  return { sink, close: () => Promise.resolve() };
}
