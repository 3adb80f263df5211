/** Where the CLI reads and writes; injected so specs can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bytes are decoded as XML files are (declared encoding, else UTF-8). */
  readonly readStdin: () => Promise<string | Uint8Array>;
}
