import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

import { waitFor } from './wait-for';

/** Keep at most this much of a background command's output: enough to show why it stopped. */
const OUTPUT_LIMIT = 64 * 1024;

/** A shell command running in the background in its own process group, its stderr kept. */
export interface BackgroundCommand {
  readonly command: string;
  readonly child: ChildProcess;
  /** What the command wrote to stdout so far (the first 64 KB; the rest is read and dropped). */
  stdout(): string;
  /** What the command wrote to stderr so far. */
  stderr(): string;
  /** How it ended ("exited 1", "was killed by SIGKILL") once it ended and its stderr was read. */
  ended(): string | undefined;
  /** Stops the whole process group (bash and what it started) if it is still running. */
  stop(): void;
}

/** Starts `command` with `bash -c` in `cwd`, detached into its own process group. */
export function startBackground(command: string, cwd: string): BackgroundCommand {
  const child = spawn('bash', ['-c', command], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ended: string | undefined;
  // 'close' comes after 'exit' and after stderr has been read to its end.
  child.on('close', (code, signal) => {
    ended = code !== null ? `exited ${code}` : `was killed by ${signal ?? 'a signal'}`;
  });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    if (stdout.length < OUTPUT_LIMIT) stdout += chunk;
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < OUTPUT_LIMIT) stderr += chunk;
  });
  return {
    command,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    ended: () => ended,
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid, 'SIGTERM');
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

/**
 * Waits until `ready()` is true, like {@link waitFor}, but fails at once, quoting the command's
 * stderr, when the background command exits first: a sandbox that could not start should say
 * why, not look like a slow one until the deadline.
 */
export async function waitWhileRunning(
  background: BackgroundCommand,
  what: string,
  ready: () => boolean,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  await waitFor(
    what,
    () => {
      if (ready()) return true;
      const how = background.ended();
      if (how !== undefined) {
        throw new Error(
          `"${background.command}" ${how} before ${what}; its stderr:\n${background.stderr()}`,
        );
      }
      return false;
    },
    options,
  );
}
