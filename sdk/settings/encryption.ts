import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConnectorError } from '../errors';

/** `format` of an encrypted settings file. */
export const ENCRYPTED_FORMAT = 'connector-settings-encrypted';

/** The envelope an encrypted settings file holds (all binary fields base64). */
export interface EncryptedSettingsEnvelope {
  format: typeof ENCRYPTED_FORMAT;
  version: 1;
  alg: 'aes-256-gcm';
  /** 12-byte GCM nonce, fresh for every write. */
  iv: string;
  /** 16-byte GCM authentication tag. */
  tag: string;
  /** The ciphertext of the plain settings JSON. */
  data: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the header to the ciphertext, so editing `format`/`version`/`alg` also fails the tag check.
const ADDITIONAL_DATA = Buffer.from(`${ENCRYPTED_FORMAT}/1/aes-256-gcm`);

/**
 * True when a parsed settings document is (or is trying to be) an encrypted envelope. Deliberately
 * loose: a damaged envelope must be refused as undecryptable, never read as plain settings.
 */
export function looksEncrypted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return 'format' in record || ('iv' in record && 'tag' in record);
}

/** Encrypts settings JSON text with AES-256-GCM into an envelope. */
export function encryptSettingsText(plain: string, key: Buffer): EncryptedSettingsEnvelope {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ADDITIONAL_DATA);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    format: ENCRYPTED_FORMAT,
    version: 1,
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/**
 * Decrypts an envelope into the plain settings JSON text. Any change to the envelope or a wrong
 * key gives the same `invalid_settings` error (which of the two it was cannot be told apart), and
 * nothing is returned unless the whole text authenticated.
 */
export function decryptSettingsEnvelope(envelope: unknown, key: Buffer, file: string): string {
  const refused = () =>
    new ConnectorError(
      'invalid_settings',
      `Settings file '${file}' could not be decrypted: wrong key or the file was modified.`,
      {
        hint: 'Check CONNECTOR_MASTER_KEY or master.key; if the file was edited, restore it or write it again.',
      },
    );
  if (typeof envelope !== 'object' || envelope === null) throw refused();
  const e = envelope as Record<string, unknown>;
  const keys = Object.keys(e).sort().join(',');
  if (
    keys !== 'alg,data,format,iv,tag,version' ||
    e.format !== ENCRYPTED_FORMAT ||
    e.version !== 1 ||
    e.alg !== 'aes-256-gcm'
  ) {
    throw refused();
  }
  const iv = decodeBase64(e.iv);
  const tag = decodeBase64(e.tag);
  const data = decodeBase64(e.data);
  if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || data === undefined) throw refused();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(ADDITIONAL_DATA);
    decipher.setAuthTag(tag);
    // GCM only authenticates in final(); the buffered plaintext is discarded if final() throws.
    const plain = Buffer.concat([decipher.update(data), decipher.final()]);
    return plain.toString('utf8');
  } catch {
    throw refused();
  }
}

/** Strict base64: the text must be exactly what re-encoding its bytes gives. */
function decodeBase64(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes : undefined;
}
