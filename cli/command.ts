import type { Redactor } from '../sdk/redact';
import type { ProgressSink } from './progress';

/** What a command returns; `cli/run.ts` prints it (redacted) and `cli/main.ts` exits with it. */
export interface CommandResult {
  /** Printed on stdout as is: the command's result, e.g. JSON. */
  stdout?: string;
  /** Printed on stderr: notes for the person at the terminal. */
  stderr?: string;
  exitCode: number;
  /**
   * A failure to report after `stdout` and `stderr` were printed (e.g. the result went to stdout
   * because `--output` could not be written). When set, `cli/run.ts` prints it in the one error
   * format and exits with its code instead of `exitCode`.
   */
  error?: unknown;
}

/** What every command receives beside its options. */
export interface CommandContext {
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Environment (for `CONNECTOR_MASTER_KEY`). */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The run's redactor. Commands register every secret they learn (settings values, new tokens),
   * so no output line can carry one.
   */
  redactor: Redactor;
  /** Writes one line to stderr at once (redacted), for progress and `--verbose` output. */
  log(line: string): void;
  /** Reads all of standard input (`--input -`); absent where there is none to read. */
  readStdin?: () => Promise<string>;
  /** Where actions' progress is drawn (stderr); absent: plain lines through `log`. */
  progress?: ProgressSink;
}
