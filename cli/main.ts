#!/usr/bin/env node
// The `connector` executable: the only place that exits the process (cli/run.ts owns the codes).
import { runCli } from './run';

/**
 * Output streams whose reader went away (`bin/connector exec ... | head`). Writing on would raise
 * EPIPE as an unhandled 'error' event: a stack trace and exit 1 in place of the command's own
 * code, and, when stderr is the one closed, the command cut off half way (an approval sent but
 * never reported). So what nobody reads any more is dropped and the command runs to its end.
 */
const closed = new Set<NodeJS.WriteStream>();

function watchForClosedReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (!closed.has(stream)) stream.write(text);
}

async function main(): Promise<void> {
  watchForClosedReader(process.stdout);
  watchForClosedReader(process.stderr);
  const exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => writeTo(process.stdout, text),
    stderr: (text) => writeTo(process.stderr, text),
    stderrIsTTY: process.stderr.isTTY === true,
  });
  // Let piped output drain before exiting; process.exit would cut it short.
  await Promise.all(
    [process.stdout, process.stderr]
      .filter((stream) => !closed.has(stream))
      .map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))),
  );
  process.exit(exitCode);
}

void main();
