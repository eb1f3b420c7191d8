import * as path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { withFileLock } from './file-lock';
import { resolveLinkTarget } from './link-target';
import { nodeSettingsFs } from './settings-fs';
import type { SettingsFs } from './settings-fs';

/** Options of {@link writeSettingsFile}. */
export interface WriteSettingsFileOptions {
  /** @default node:fs/promises */
  fs?: SettingsFs;
}

/**
 * Writes a whole settings document (a simulator's connections, an imported `.ionapi` file) as
 * pretty JSON, readable by its owner only (mode 0600, also over an existing looser file: the
 * content is new secrets). Its directory is created when missing; a symbolic link is written
 * through; the write is atomic and holds the settings lock, so a token write-back running at the
 * same moment is not interleaved with it.
 */
export async function writeSettingsFile(
  file: string,
  settings: object,
  options: WriteSettingsFileOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeSettingsFs;
  await fs.mkdir(path.dirname(await resolveLinkTarget(fs, file)), { recursive: true });
  await withFileLock(file, fs, () =>
    writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { fs, mode: 0o600 }),
  );
}
