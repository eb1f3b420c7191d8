import * as path from 'node:path';
import { resolveLinkTarget } from './link-target';
import { nodeSettingsFs } from './settings-fs';
import { removeStaleTempFiles, tempFileFor } from './temp-files';
import type { SettingsFs } from './settings-fs';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * File-system implementation; tests inject failures through it.
   * @default node:fs/promises
   */
  fs?: SettingsFs;
  /**
   * Permission bits to give the file. By default an existing file keeps its own (an owner who
   * chose 0640 for a group keeps it) and a new one gets 0600: settings hold secrets.
   */
  mode?: number;
}

/** Settings hold secrets: only the owner may read a new file. */
const NEW_FILE_MODE = 0o600;

/**
 * Replaces `target` with `data` so that a reader sees either the old or the new content, never a
 * mix: the data goes to a temporary file in the target's directory (same file system, so
 * `rename` is atomic), is flushed to disk, then renamed over the target. A symbolic link is
 * written through: the file it points to is replaced and the link stays. The file keeps its mode
 * (unless `mode` says otherwise) and, where allowed, its owner and group. On any failure before
 * the rename the temporary file is removed and the target is untouched; temporary files of
 * earlier writes whose process died are removed.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeSettingsFs;
  const file = await resolveLinkTarget(fs, target);
  const existing = await existingFile(fs, file);
  const mode = options.mode ?? existing?.mode ?? NEW_FILE_MODE;
  await removeStaleTempFiles(fs, file);
  const temp = tempFileFor(file);
  let renamed = false;
  try {
    // 'wx': never follow or reuse an existing file at the temporary name. Created private, then
    // given its mode outright: open's mode is filtered by the umask.
    const handle = await fs.open(temp, 'wx', NEW_FILE_MODE);
    try {
      await handle.chmod(mode);
      // A group that shares the file (mode 0640) must keep it; only root or a member may hand a
      // file to a group, so this is best effort.
      if (existing !== undefined)
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
  await syncDirectory(fs, path.dirname(file));
}

async function existingFile(
  fs: SettingsFs,
  file: string,
): Promise<{ mode: number; uid: number; gid: number } | undefined> {
  try {
    const stats = await fs.stat(file);
    return { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
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
