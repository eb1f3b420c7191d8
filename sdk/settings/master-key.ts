import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { ConnectorError } from '../errors';
import { nodeSettingsFs } from './settings-fs';
import type { SettingsFs } from './settings-fs';

/** Name of the environment variable that holds the master key. */
export const MASTER_KEY_ENV = 'CONNECTOR_MASTER_KEY';

/** Name of the key file looked up beside the settings file, then in the working directory. */
export const MASTER_KEY_FILE = 'master.key';

const KEY_BYTES = 32;

/** A master key: 32 raw bytes, or text holding 64 hex characters or base64 of 32 bytes. */
export type MasterKeyInput = Uint8Array | string;

/** Where {@link resolveMasterKey} looks for a key. */
export interface MasterKeyLookupOptions {
  /**
   * An explicit key; wins over the environment and key files.
   */
  key?: MasterKeyInput;
  /**
   * Environment to read `CONNECTOR_MASTER_KEY` from.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Directory searched for `master.key` after the settings file's own directory.
   * @default process.cwd()
   */
  cwd?: string;
  /** @default node:fs/promises */
  fs?: SettingsFs;
}

/** A key and where it came from (for messages: never the key itself). */
export interface ResolvedMasterKey {
  key: Buffer;
  /** `CONNECTOR_MASTER_KEY`, a file path, or `the key argument`. */
  source: string;
}

/**
 * Parses a master key. `source` names where it came from, for the error message; the key text
 * itself is never put in a message.
 */
export function parseMasterKey(input: MasterKeyInput, source: string): Buffer {
  if (typeof input !== 'string') {
    if (input.length === KEY_BYTES) return Buffer.from(input);
    throw invalidKey(source);
  }
  const text = input.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const bytes = Buffer.from(text, 'base64');
  // Buffer's base64 decoder skips junk; re-encoding proves the text was canonical base64.
  if (bytes.length === KEY_BYTES && bytes.toString('base64') === text) return bytes;
  throw invalidKey(source);
}

/** A new random master key as 64 hex characters. */
export function generateMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('hex');
}

/**
 * Finds the master key for a settings file: the explicit `key` option, else
 * `CONNECTOR_MASTER_KEY`, else `master.key` beside the settings file, else `master.key` in `cwd`.
 * Returns `undefined` when there is none; throws `invalid_settings` when one is malformed.
 */
export async function resolveMasterKey(
  settingsPath: string,
  options: MasterKeyLookupOptions = {},
): Promise<ResolvedMasterKey | undefined> {
  if (options.key !== undefined) {
    return { key: parseMasterKey(options.key, 'the key argument'), source: 'the key argument' };
  }
  const fromEnv = (options.env ?? process.env)[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { key: parseMasterKey(fromEnv, MASTER_KEY_ENV), source: MASTER_KEY_ENV };
  }
  const fs = options.fs ?? nodeSettingsFs;
  const candidates = [
    path.join(path.dirname(path.resolve(settingsPath)), MASTER_KEY_FILE),
    path.resolve(options.cwd ?? process.cwd(), MASTER_KEY_FILE),
  ];
  for (const candidate of new Set(candidates)) {
    let text: string;
    try {
      text = await fs.readFile(candidate, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConnectorError(
        'invalid_settings',
        `Master key file '${candidate}' is unreadable.`,
        {
          cause: error,
          hint: 'Check the file permissions of the master key file.',
        },
      );
    }
    return { key: parseMasterKey(text, candidate), source: candidate };
  }
  return undefined;
}

function invalidKey(source: string): ConnectorError {
  return new ConnectorError('invalid_settings', `Master key from ${source} is not a 32-byte key.`, {
    hint: 'Use 64 hex characters or the base64 encoding of 32 random bytes.',
  });
}
