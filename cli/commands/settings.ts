import { open, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import {
  MASTER_KEY_FILE,
  decryptSettingsFile,
  encryptSettingsFile,
  generateMasterKey,
  resolveMasterKey,
} from '../../sdk/settings';
import type { CommandContext, CommandResult } from '../command';

/** Options of `connector settings encrypt|decrypt`. */
export interface SettingsFileOptions {
  /**
   * The settings file, relative to the working directory.
   * @default 'settings.json'
   */
  settings: string;
}

/**
 * Encrypts a settings file in place with the master key (`CONNECTOR_MASTER_KEY`, else
 * `master.key` beside the file, else in the working directory). When there is no key yet, a new
 * one is written to `master.key` beside the settings file (mode 0600).
 */
export async function settingsEncrypt(
  options: SettingsFileOptions,
  context: CommandContext,
): Promise<CommandResult> {
  const file = path.resolve(context.cwd, options.settings);
  const found = await resolveMasterKey(file, { env: context.env, cwd: context.cwd });
  const keyFile = path.join(path.dirname(file), MASTER_KEY_FILE);
  let note = '';
  let key: string | Buffer;
  if (found === undefined) {
    key = generateMasterKey();
    context.redactor.add(key);
    // 'wx': never overwrite a key file (resolveMasterKey found none, but avoid a race).
    const handle = await open(keyFile, 'wx', 0o600);
    try {
      await handle.writeFile(`${key}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    note = `Wrote a new master key to ${keyFile}; keep it out of version control.\n`;
  } else {
    key = found.key;
  }
  try {
    await encryptSettingsFile(file, key, { env: context.env, cwd: context.cwd });
  } catch (error) {
    // A key that encrypted nothing would only confuse the next run; remove the one we made.
    if (found === undefined) await unlink(keyFile).catch(() => undefined);
    throw error;
  }
  return { stderr: `${note}Encrypted ${file}.\n`, exitCode: 0 };
}

/** Decrypts a settings file in place with the master key (looked up as for `encrypt`). */
export async function settingsDecrypt(
  options: SettingsFileOptions,
  context: CommandContext,
): Promise<CommandResult> {
  const file = path.resolve(context.cwd, options.settings);
  await decryptSettingsFile(file, { env: context.env, cwd: context.cwd });
  return {
    stderr: `Decrypted ${file}; it now holds secrets in plain text (mode 0600).\n`,
    exitCode: 0,
  };
}
