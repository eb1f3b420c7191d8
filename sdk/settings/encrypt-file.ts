import { ConnectorError } from '../errors';
import { writeFileAtomic } from './atomic-write';
import { decryptSettingsEnvelope, encryptSettingsText, looksEncrypted } from './encryption';
import { parseMasterKey, resolveMasterKey } from './master-key';
import { nodeSettingsFs } from './settings-fs';
import { loadSettings } from './settings-store';
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
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined && looksEncrypted(safeParse(text))) {
    throw new ConnectorError('invalid_settings', `Settings file '${file}' is already encrypted.`, {
      hint: 'Nothing to do: the file is encrypted already (`connector settings decrypt` turns it back into plain JSON).',
    });
  }
  // Loading first validates the file, so a broken file is never sealed away behind a key.
  await loadSettings(file, { fs });
  const plain = text as string;
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
  const store = await loadSettings(file, options);
  if (!store.encrypted) {
    throw new ConnectorError('invalid_settings', `Settings file '${file}' is not encrypted.`, {
      hint: 'Nothing to do: the file is plain JSON already (`connector settings encrypt` encrypts it).',
    });
  }
  const resolved = await resolveMasterKey(file, options);
  const envelope = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  const plain = decryptSettingsEnvelope(envelope, (resolved as { key: Buffer }).key, file);
  await writeFileAtomic(file, plain, { fs });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}
