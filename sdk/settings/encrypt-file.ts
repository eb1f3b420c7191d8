import { ConnectorError } from '../errors';
import { writeFileAtomic } from './atomic-write';
import { encryptSettingsText } from './encryption';
import { parseMasterKey } from './master-key';
import { nodeSettingsFs } from './settings-fs';
import { findMasterKey, readSettingsFile } from './settings-store';
import type { MasterKeyInput, MasterKeyLookupOptions } from './master-key';

/**
 * Encrypts a plain settings file in place (atomically) with `key`. The file must be valid
 * settings; an already encrypted file is refused with `invalid_settings`.
 */
export async function encryptSettingsFile(
  file: string,
  key: MasterKeyInput,
  options: Omit<MasterKeyLookupOptions, 'key'> = {},
): Promise<void> {
  const fs = options.fs ?? nodeSettingsFs;
  const keyBytes = parseMasterKey(key, 'the key argument');
  // Reading checks the file, so a broken file is never sealed away behind a key.
  const { plain } = await readSettingsFile(fs, file, () =>
    Promise.reject(
      new ConnectorError('invalid_settings', `Settings file '${file}' is already encrypted.`, {
        hint: 'Nothing to do: the file is encrypted already (`connector settings decrypt` turns it back into plain JSON).',
      }),
    ),
  );
  const envelope = encryptSettingsText(plain, keyBytes);
  await writeFileAtomic(file, `${JSON.stringify(envelope, null, 2)}\n`, { fs });
}

/**
 * Decrypts an encrypted settings file in place (atomically). The key comes from `options.key`,
 * `CONNECTOR_MASTER_KEY` or `master.key` as for {@link loadSettings}. A plain file is refused.
 */
export async function decryptSettingsFile(
  file: string,
  options: MasterKeyLookupOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeSettingsFs;
  const { plain, key } = await readSettingsFile(
    fs,
    file,
    async () => (await findMasterKey(file, options)).key,
  );
  if (key === undefined) {
    throw new ConnectorError('invalid_settings', `Settings file '${file}' is not encrypted.`, {
      hint: 'Nothing to do: the file is plain JSON already (`connector settings encrypt` encrypts it).',
    });
  }
  // Plain text secrets again: private, whatever the encrypted file's mode was.
  await writeFileAtomic(file, plain, { fs, mode: 0o600 });
}
