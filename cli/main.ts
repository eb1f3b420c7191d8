#!/usr/bin/env node
// The `connector` executable: the only place that exits the process (cli/run.ts owns the codes).
import { runCli } from './run';

async function main(): Promise<void> {
  const exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  });
  // Let piped output drain before exiting; process.exit would cut it short.
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => stream.write('', () => resolve())),
    ),
  );
  process.exit(exitCode);
}

void main();
