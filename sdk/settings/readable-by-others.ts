import type { SettingsFs } from './settings-fs';

/** Read permission for the file's group or for everyone else. */
const GROUP_OR_OTHER_READ = 0o044;

/**
 * The permission bits of `file` (a link is followed) when its group or others may read it, else
 * `undefined`. Windows has no such bits, and a file that cannot be examined gets no warning (its
 * reading fails with its own error).
 */
export async function modeReadableByOthers(
  fs: SettingsFs,
  file: string,
): Promise<number | undefined> {
  if (process.platform === 'win32') return undefined;
  try {
    const mode = (await fs.stat(file)).mode & 0o777;
    return (mode & GROUP_OR_OTHER_READ) === 0 ? undefined : mode;
  } catch {
    return undefined;
  }
}

/** `0644`, as `ls -l` users and `chmod` write it. */
export function formatMode(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
