import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { nodeSettingsFs } from './settings-fs';
import type { SettingsFs } from './settings-fs';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * File-system implementation; tests inject failures through it.
   * @default node:fs/promises
   */
  fs?: SettingsFs;
  /**
   * Permission bits of the new file (settings hold secrets, so only the owner may read them).
   * @default 0o600
   */
  mode?: number;
}

/**
 * Replaces `target` with `data` so that a reader sees either the old or the new content, never a
 * mix: the data goes to a temporary file in the same directory (same file system, so `rename` is
 * atomic), is flushed to disk, then renamed over the target. On any failure before the rename the
 * temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeSettingsFs;
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let renamed = false;
  try {
    // 'wx': never follow or reuse an existing file at the temporary name.
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
  await syncDirectory(fs, path.dirname(target));
}

/** Makes the rename itself durable; best effort, since some platforms cannot open directories. */
async function syncDirectory(fs: SettingsFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus; the content was already flushed.
  }
}
