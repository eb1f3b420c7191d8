import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { usageError } from '../usage-error';

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdir(..., { recursive:
 * true })` never returns for some unusable paths (under `/proc` it retried forever at 85% CPU),
 * so each level is made without `recursive` and the first refusal is a usage error at once.
 * @throws ConnectorError `invalid_input` naming the directory that could not be made
 */
export async function makeOutputDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const found = await stat(current).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) {
        throw usageError(
          `Output directory '${dir}' cannot be made: '${current}' is a file.`,
          'Pass --out with a directory path; nothing was written.',
        );
      }
      break;
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw usageError(
        `Output directory '${dir}' cannot be made: creating '${level}' failed (${code ?? 'error'}).`,
        'Pass --out with a directory you can write to; nothing was written.',
      );
    }
  }
}
