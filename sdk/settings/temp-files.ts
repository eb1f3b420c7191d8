import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { isProcessAlive } from './process-alive';
import type { SettingsFs } from './settings-fs';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The temporary file a write of `target` goes through: hidden, beside the target (same file
 * system, so the rename is atomic), named after the writing process so that a file left by an
 * interrupted write can be told from one being written right now.
 */
export function tempFileFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
}

/**
 * Removes the temporary files of `target` left by writes whose process is gone (killed between
 * creating the file and renaming it). Files of live processes, this one included, are left
 * alone: they may be mid-write. Best effort: a directory that cannot be listed is skipped.
 * @returns The paths removed.
 */
export async function removeStaleTempFiles(fs: SettingsFs, target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`,
  );
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || isProcessAlive(Number(pid))) continue;
    const file = path.join(dir, name);
    await fs.unlink(file).then(
      () => removed.push(file),
      () => undefined,
    );
  }
  return removed;
}
