import { ConnectorError } from '../errors/connector-error';
import { writeError } from '../output/error-xml';
import { XmlWriter } from '../output/xml-writer';

/**
 * Where a result goes as it is written: a Node `Writable` (a file, an HTTP response, stdout) fits. The runtime
 * waits for `drain` when `write` says the sink is full, so a slow reader bounds memory instead of growing it.
 * The runtime does not end the sink.
 */
export interface OutputSink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** The XML result of one invocation, buffered into a string or streamed to a sink, secrets redacted. */
export interface ResultWriter {
  readonly writer: XmlWriter;
  /** UTF-8 bytes handed to the sink so far (0 without a sink). */
  readonly bytes: number;
  /** Waits while the sink is full. */
  drained(): Promise<void>;
  /** Ends a result: flushes it to the sink, and returns it as text when there is no sink. */
  finish(): string;
  /**
   * Ends a failed result. Before anything reached the sink the output is the `<Error>` document alone; after,
   * the error is written where the output stands and every open element is closed, so what was already
   * delivered stays, and the document says where it stopped and why.
   */
  fail(error: unknown): string;
}

/**
 * Creates the writer of one invocation's result.
 * @param sink - Where the chunks go; without one the result is kept and returned as text.
 * @param redact - Applied to each chunk (chunks end at element boundaries, so a value is never split).
 */
export function createResultWriter(sink: OutputSink | undefined, redact: (text: string) => string): ResultWriter {
  let full = false;
  let bytes = 0;
  const toSink =
    sink === undefined
      ? undefined
      : (chunk: string): void => {
          const text = redact(chunk);
          bytes += Buffer.byteLength(text);
          if (!sink.write(text)) full = true;
        };
  let writer = new XmlWriter(toSink);
  writer.declaration();
  const finish = (): string => {
    if (toSink !== undefined) {
      writer.flush();
      return '';
    }
    return redact(writer.toString());
  };
  return {
    get writer() {
      return writer;
    },
    get bytes() {
      return bytes;
    },
    async drained() {
      if (!full || sink === undefined) return;
      await new Promise<void>(resolve => sink.once('drain', () => resolve()));
      full = false;
    },
    finish,
    fail(error) {
      const failure = asConnectorError(error);
      if (!writer.flushed) {
        writer = new XmlWriter(toSink);
        writer.declaration();
      }
      writeError(writer, failure);
      writer.closeAll();
      return finish();
    }
  };
}

/** A bug is reported as INTERNAL, never thrown at the ESB. */
function asConnectorError(error: unknown): ConnectorError {
  return error instanceof ConnectorError
    ? error
    : new ConnectorError(
        'INTERNAL',
        `Internal error: ${error instanceof Error ? error.message : String(error)}`,
        {},
        { cause: error }
      );
}
