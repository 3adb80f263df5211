import type { Logger } from '../connector/connector';
import type { CliIo } from './cli-io';

/** The CLI's logger, and what ends its output (a progress line left open gets its newline). */
export interface CliLogger {
  readonly log: Logger | undefined;
  end(): void;
}

/**
 * `--verbose`: every message on its own line. Otherwise, when stderr is a terminal, only progress, on one line
 * rewritten in place; when it is a file or a pipe, nothing (a log file should not fill with progress).
 */
export function createCliLogger(io: CliIo, verbose: boolean): CliLogger {
  if (verbose) return { log: (level, message) => io.stderr(`[${level}] ${message}\n`), end: () => undefined };
  if (io.stderrIsTerminal !== true) return { log: undefined, end: () => undefined };
  let open = false;
  return {
    log: (level, message) => {
      if (level !== 'progress') return;
      io.stderr(`\r${message}\u001b[K`);
      open = true;
    },
    end: () => {
      if (open) io.stderr('\n');
    }
  };
}
