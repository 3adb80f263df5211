import type { OutputSink } from '../runtime/result-writer';

/** Where the CLI reads and writes; injected so specs can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bytes are decoded as XML files are (declared encoding, else UTF-8). */
  readonly readStdin: () => Promise<string | Uint8Array>;
  /** Standard output as a stream: the result goes there as it is written, at the pace stdout takes it. */
  readonly stdoutSink?: OutputSink;
  /** Progress goes to stderr (one line, rewritten) only when stderr is a terminal. */
  readonly stderrIsTerminal?: boolean;
  /** The environment, for credentials kept off the command line (IFLOW_PASSWORD, IFLOW_TOKEN). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fires on Ctrl-C: the invocation stops with status -1 ABORTED, what was written stays. */
  readonly signal?: AbortSignal;
}
