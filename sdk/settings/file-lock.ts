import { ConnectorError } from '../errors';
import type { SettingsFs } from './settings-fs';

/** Options of {@link withFileLock}; the defaults suit a CLI writing a token back. */
export interface FileLockOptions {
  /**
   * How long to wait for another process to release the lock, in milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * A lock file older than this is left over from a crashed process and is taken over.
   * @default 30000
   */
  staleMs?: number;
}

const POLL_MS = 20;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `critical` while holding `${target}.lock`, created with `O_EXCL` so two processes never
 * hold it at once. Two `connector` runs refreshing tokens of the same settings file would
 * otherwise each write back their own stale copy and lose the other's token.
 */
export async function withFileLock<T>(
  target: string,
  fs: SettingsFs,
  critical: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const lockPath = `${target}.lock`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs.stat(lockPath).then(
        (stats) => Date.now() - stats.mtimeMs,
        () => 0,
      );
      if (age > staleMs) {
        await fs.unlink(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline)
        throw new ConnectorError(
          'invalid_settings',
          `Settings file '${target}' is locked by another connector process (lock file '${lockPath}').`,
          { hint: `Wait for it to finish; if no connector is running, delete '${lockPath}'.` },
        );
      await sleep(POLL_MS);
    }
  }
  try {
    return await critical();
  } finally {
    await fs.unlink(lockPath).catch(() => undefined);
  }
}
