export { loadSettings } from './settings-store';
export type { ConnectionValues, LoadSettingsOptions, SettingsStore } from './settings-store';
export { encryptSettingsFile, decryptSettingsFile } from './encrypt-file';
export {
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  generateMasterKey,
  parseMasterKey,
  resolveMasterKey,
} from './master-key';
export type { MasterKeyInput, MasterKeyLookupOptions, ResolvedMasterKey } from './master-key';
export { ENCRYPTED_FORMAT, encryptSettingsText, decryptSettingsEnvelope } from './encryption';
export type { EncryptedSettingsEnvelope } from './encryption';
export { writeFileAtomic } from './atomic-write';
export { writeSettingsFile } from './write-settings-file';
export type { WriteSettingsFileOptions } from './write-settings-file';
export { withFileLock } from './file-lock';
export type { FileLockOptions } from './file-lock';
export type { AtomicWriteOptions } from './atomic-write';
export { locateJsonError } from './json-position';
export {
  describeJsonRefusal,
  FORBIDDEN_JSON_KEYS,
  JsonRefusedError,
  parseBoundedJson,
} from './bounded-json';
export type { JsonBounds, JsonRefusal } from './bounded-json';
export type { JsonErrorPosition } from './json-position';
export { nodeSettingsFs } from './settings-fs';
export type { SettingsFs } from './settings-fs';
