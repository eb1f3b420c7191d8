import * as path from 'node:path';
import type { SettingsFs } from './settings-fs';

// Linux's own limit on links followed in one path lookup (MAXSYMLINKS).
const MAX_LINKS = 40;

/**
 * The file a write to `file` must replace: `file` itself, or, when it is a symbolic link, the
 * file the chain of links ends at (which need not exist yet). Writing there keeps the link, so a
 * settings file kept elsewhere (a secrets volume, a dotfiles repository) gets the new tokens; a
 * rename over the link itself would put a plain file in its place and leave the target stale.
 */
export async function resolveLinkTarget(fs: SettingsFs, file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let isLink: boolean;
    try {
      isLink = (await fs.lstat(current)).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links at '${file}'.`), { code: 'ELOOP' });
}
