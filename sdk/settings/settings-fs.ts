import * as fsPromises from 'node:fs/promises';

/**
 * The file-system calls the settings module makes. Tests pass a copy of `node:fs/promises` with
 * one call replaced (e.g. a `rename` that fails) to prove that writes are atomic.
 */
export type SettingsFs = Pick<
  typeof fsPromises,
  | 'readFile'
  | 'open'
  | 'rename'
  | 'unlink'
  | 'stat'
  | 'lstat'
  | 'readlink'
  | 'readdir'
  | 'mkdir'
  | 'link'
>;

/** The real file system. */
export const nodeSettingsFs: SettingsFs = fsPromises;
