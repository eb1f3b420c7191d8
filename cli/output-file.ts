import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { usageError } from './usage-error';

/**
 * Checks, before anything runs, that `--output FILE` can be written: its directory exists and is
 * writable, and the file is not a directory (nor a read-only file). An action that already wrote
 * to Workday must not lose its result to a typo in the output path.
 */
export async function assertWritableOutput(file: string): Promise<void> {
  const dir = path.dirname(file);
  const dirStat = await stat(dir).catch(() => undefined);
  if (dirStat === undefined || !dirStat.isDirectory()) {
    throw usageError(
      `Output directory '${dir}' does not exist.`,
      'Create the directory first, or pass --output with a path in an existing directory; nothing was run.',
    );
  }
  const fileStat = await stat(file).catch(() => undefined);
  if (fileStat?.isDirectory() === true) {
    throw usageError(
      `Output file '${file}' is a directory.`,
      'Pass --output with a file name; nothing was run.',
    );
  }
  const target = fileStat === undefined ? dir : file;
  const writable = await access(target, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) {
    throw usageError(
      `Output ${fileStat === undefined ? 'directory' : 'file'} '${target}' is not writable.`,
      'Pass --output with a path you can write to; nothing was run.',
    );
  }
}
