import * as path from 'node:path';
import { ConnectorError } from '../errors';
import { isSecretName } from '../redact';
import { writeFileAtomic } from './atomic-write';
import { withFileLock } from './file-lock';
import { decryptSettingsEnvelope, encryptSettingsText, looksEncrypted } from './encryption';
import { describeJsonRefusal, JsonRefusedError, parseBoundedJson } from './bounded-json';
import type { JsonBounds } from './bounded-json';
import { resolveMasterKey } from './master-key';
import { nodeSettingsFs } from './settings-fs';
import { formatMode, modeReadableByOthers } from './readable-by-others';
import type { MasterKeyLookupOptions, ResolvedMasterKey } from './master-key';
import type { SettingsFs } from './settings-fs';

/** One connection's values as stored: unchecked until the connector's `connection.fields` parse them. */
export type ConnectionValues = Record<string, unknown>;

/** Options for {@link loadSettings}; the key options say where an encrypted file's key is found. */
export interface LoadSettingsOptions extends MasterKeyLookupOptions {
  /** @default node:fs/promises */
  fs?: SettingsFs;
  /**
   * Told of problems that do not stop the load: a plain settings file, or the master key file of
   * an encrypted one, that its group or others can read. The CLI prints them on stderr.
   */
  onWarning?: (message: string) => void;
  /**
   * Fields that hold secrets besides those named like one (`client_secret`, `*_token`,
   * `password`, ...): the connector's secret fields (Infor's `cs`, `saak`, `sask`). A plain file
   * holding none of them gets no warning however readable it is.
   */
  secretFields?: readonly string[];
}

/** A loaded settings file: one unnamed connection or several named ones. */
export interface SettingsStore {
  /** The settings file's path as given. */
  readonly path: string;
  /** True when the file is an encrypted envelope; writes keep it encrypted. */
  readonly encrypted: boolean;
  /** Names of the connections, in file order; empty for a file holding one unnamed connection. */
  connectionNames(): string[];
  /**
   * The connection to use for `name`: required when the file names several connections; may be
   * omitted when it holds one. Throws `invalid_settings` listing the names for an unknown name.
   */
  resolveConnectionName(name?: string): string | undefined;
  /** A copy of the values of connection `name` (see {@link SettingsStore.resolveConnectionName}). */
  getConnection(name?: string): ConnectionValues;
  /**
   * Merges `patch` into connection `name` and writes the file back atomically (encrypted again
   * when it was). `undefined` values in the patch are ignored; `null` removes the field (e.g.
   * tokens forgotten on disconnect). Writes are serialised within the
   * process and, through a lock file, across processes; each write re-reads the file first, so
   * a token another process saved meanwhile is kept.
   */
  updateConnection(name: string | undefined, patch: ConnectionValues): Promise<void>;
}

/** A checked settings document. */
export type SettingsDocument =
  | { kind: 'single'; connection: ConnectionValues }
  // `extra`: other top-level keys of a named file, kept as they are on write-back.
  | { kind: 'named'; connections: Record<string, ConnectionValues>; extra: ConnectionValues };

/**
 * Reads a settings file (plain JSON or an encrypted envelope) holding either one connection as a
 * flat object or named connections as `{"connections": {"us": {...}, "emea": {...}}}`.
 * Every problem is an `invalid_settings` error that names the file and never quotes a value.
 */
export async function loadSettings(
  file: string,
  options: LoadSettingsOptions = {},
): Promise<SettingsStore> {
  const fs = options.fs ?? nodeSettingsFs;
  let keySource: string | undefined;
  const read = await readSettingsFile(fs, file, async () => {
    const found = await findMasterKey(file, options);
    keySource = found.source;
    return found.key;
  });
  if (options.onWarning !== undefined) {
    const plainSecrets =
      read.key === undefined && holdsSecrets(read.document, options.secretFields ?? []);
    const warning = await exposureWarning(fs, file, plainSecrets, keySource);
    if (warning !== undefined) options.onWarning(warning);
  }
  return new FileSettingsStore(file, read.document, read.key, fs);
}

/**
 * What anyone else on the machine can read: a plain file holds the secrets themselves; an
 * encrypted one is only as safe as its key file (the key from the environment has no file).
 */
async function exposureWarning(
  fs: SettingsFs,
  file: string,
  plainSecrets: boolean,
  keySource: string | undefined,
): Promise<string | undefined> {
  if (plainSecrets) {
    const mode = await modeReadableByOthers(fs, file);
    if (mode === undefined) return undefined;
    return `Settings file '${file}' is readable by group or others (mode ${formatMode(mode)}) and holds secrets in plain text; make it private: chmod 600 '${file}'.`;
  }
  if (keySource === undefined || !path.isAbsolute(keySource)) return undefined;
  const mode = await modeReadableByOthers(fs, keySource);
  if (mode === undefined) return undefined;
  return `Master key file '${keySource}' is readable by group or others (mode ${formatMode(mode)}), so they can decrypt '${file}'; make it private: chmod 600 '${keySource}'.`;
}

/** True when some connection has a non-empty text value in a secret field. */
function holdsSecrets(document: SettingsDocument, secretFields: readonly string[]): boolean {
  const connections =
    document.kind === 'single' ? [document.connection] : Object.values(document.connections);
  return connections.some((connection) =>
    Object.entries(connection).some(
      ([key, value]) =>
        typeof value === 'string' &&
        value !== '' &&
        (secretFields.includes(key) || isSecretName(key)),
    ),
  );
}

/** The master key of an encrypted settings file, or `invalid_settings` when there is none. */
export async function findMasterKey(
  file: string,
  options: MasterKeyLookupOptions,
): Promise<ResolvedMasterKey> {
  const resolved = await resolveMasterKey(file, options);
  if (resolved === undefined) {
    throw new ConnectorError(
      'invalid_settings',
      `Settings file '${file}' is encrypted but no master key was found.`,
      {
        hint: `Set CONNECTOR_MASTER_KEY or put master.key beside the settings file or in the working directory.`,
      },
    );
  }
  return resolved;
}

/** A settings file read, decrypted when it is encrypted, and checked. */
export interface ReadSettings {
  document: SettingsDocument;
  /** The plain settings JSON text (decrypted when the file is encrypted). */
  plain: string;
  /** The key of an encrypted file; absent for a plain one. */
  key?: Buffer;
}

/**
 * Reads and checks a settings file; `keyFor` is asked for the key only when the file is
 * encrypted. Shared by loading, the write-back re-read and in-place decryption, so every path
 * refuses the same files with the same messages.
 */
export async function readSettingsFile(
  fs: SettingsFs,
  file: string,
  keyFor: () => Promise<Buffer>,
): Promise<ReadSettings> {
  const text = await readSettingsText(fs, file);
  const outer = parseSettingsJson(text, file);
  if (!looksEncrypted(outer)) return { document: toDocument(outer, file), plain: text };
  const key = await keyFor();
  const plain = decryptSettingsEnvelope(outer, key, file);
  return { document: toDocument(parseSettingsJson(plain, file), file), plain, key };
}

class FileSettingsStore implements SettingsStore {
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private document: SettingsDocument,
    private readonly key: Buffer | undefined,
    private readonly fs: SettingsFs,
  ) {}

  get encrypted(): boolean {
    return this.key !== undefined;
  }

  connectionNames(): string[] {
    return this.document.kind === 'named' ? Object.keys(this.document.connections) : [];
  }

  resolveConnectionName(name?: string): string | undefined {
    const doc = this.document;
    if (doc.kind === 'single') {
      if (name === undefined) return undefined;
      throw new ConnectorError(
        'invalid_settings',
        `Settings file '${this.path}' holds one unnamed connection, so there is no connection '${name}'.`,
        { hint: 'Leave out --connection, or put named connections under "connections".' },
      );
    }
    const names = Object.keys(doc.connections);
    if (name === undefined) {
      if (names.length === 1) return names[0];
      throw new ConnectorError(
        'invalid_settings',
        `Settings file '${this.path}' holds several connections; choose one of: ${names.join(', ')}.`,
        { hint: 'Pass --connection NAME.' },
      );
    }
    if (!Object.hasOwn(doc.connections, name)) {
      throw new ConnectorError(
        'invalid_settings',
        `Settings file '${this.path}' has no connection '${name}'; it has: ${names.join(', ')}.`,
        { hint: 'Pass one of the listed names to --connection.' },
      );
    }
    return name;
  }

  getConnection(name?: string): ConnectionValues {
    return { ...this.connectionRecord(this.resolveConnectionName(name)) };
  }

  updateConnection(name: string | undefined, patch: ConnectionValues): Promise<void> {
    let resolved: string | undefined;
    try {
      resolved = this.resolveConnectionName(name);
    } catch (error) {
      return Promise.reject(error);
    }
    const write = this.writes.then(() =>
      withFileLock(this.path, this.fs, async () => {
        // Patch what is on disk now, not what was loaded: another process (a second `exec`, or
        // the minutes an `oauth2` sign-in takes) may have saved tokens since.
        const next = cloneDocument(await this.readCurrent());
        if (next.kind === 'named' && !Object.hasOwn(next.connections, resolved as string))
          next.connections[resolved as string] = {};
        const target =
          next.kind === 'single' ? next.connection : (next.connections[resolved as string] ?? {});
        for (const [field, value] of Object.entries(patch)) {
          if (value === null) delete target[field];
          else if (value !== undefined) target[field] = value;
        }
        await writeFileAtomic(this.path, this.serialise(next), { fs: this.fs });
        // Only adopt the new content once it is on disk, so memory never runs ahead of the file.
        this.document = next;
      }),
    );
    // A failed write must not block later ones; the caller still sees its own failure.
    this.writes = write.catch(() => undefined);
    return write;
  }

  private async readCurrent(): Promise<SettingsDocument> {
    const read = await readSettingsFile(this.fs, this.path, async () => {
      if (this.key !== undefined) return this.key;
      throw new ConnectorError(
        'invalid_settings',
        `Settings file '${this.path}' was encrypted by another process since it was loaded.`,
        { hint: 'Run the command again with the master key available.' },
      );
    });
    return read.document;
  }

  private connectionRecord(name: string | undefined): ConnectionValues {
    const doc = this.document;
    if (doc.kind === 'single') return doc.connection;
    return doc.connections[name as string] ?? {};
  }

  private serialise(document: SettingsDocument): string {
    const plain = `${JSON.stringify(fromDocument(document), null, 2)}\n`;
    if (this.key === undefined) return plain;
    return `${JSON.stringify(encryptSettingsText(plain, this.key), null, 2)}\n`;
  }
}

async function readSettingsText(fs: SettingsFs, file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConnectorError(
      'invalid_settings',
      code === 'ENOENT'
        ? `Settings file '${file}' does not exist.`
        : `Settings file '${file}' could not be read (${code ?? 'unknown error'}).`,
      {
        cause: error,
        hint:
          code === 'ENOENT'
            ? 'Pass --settings with the path of a settings file (`connector sandbox --write-settings FILE` writes one).'
            : undefined,
      },
    );
  }
}

/**
 * A settings file is a few connections of a dozen short fields (three levels deep; a few KiB,
 * a third more once encrypted as base64); the bounds leave room for many connections and extra
 * keys while refusing what no settings file holds.
 */
export const SETTINGS_JSON_BOUNDS: JsonBounds = { maxDepth: 16, maxChars: 4 * 1024 * 1024 };

/**
 * Parses settings JSON text (a leading byte-order mark allowed) within
 * {@link SETTINGS_JSON_BOUNDS}; invalid, oversized or too deeply nested JSON, or a
 * `__proto__`/`constructor`/`prototype` key, is an `invalid_settings` error naming the file and
 * the position, never the text.
 */
function parseSettingsJson(text: string, file: string): unknown {
  try {
    return parseBoundedJson(text, SETTINGS_JSON_BOUNDS);
  } catch (error) {
    if (!(error instanceof JsonRefusedError)) throw error;
    // JSON.parse's own message quotes the text around the error, which may be a secret.
    const { refusal } = error;
    const where =
      refusal.reason === 'syntax' && refusal.at !== undefined
        ? ` at line ${refusal.at.line}, column ${refusal.at.column} (position ${refusal.at.position})`
        : '';
    throw new ConnectorError(
      'invalid_settings',
      refusal.reason === 'syntax'
        ? `Settings file '${file}' is not valid JSON${where}.`
        : `Settings file '${file}' ${describeJsonRefusal(refusal)}.`,
      {
        hint:
          refusal.reason === 'syntax'
            ? 'Fix the JSON syntax at that position; values are not shown because they may be secrets.'
            : 'A settings file holds connections of plain string fields: {"connections": {"NAME": {...}}}.',
      },
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a parsed settings document: one flat connection, or named ones under `connections`. */
function toDocument(value: unknown, file: string): SettingsDocument {
  if (!isRecord(value)) {
    throw new ConnectorError(
      'invalid_settings',
      `Settings file '${file}' must hold a JSON object of connection values.`,
      {
        hint: 'Write the connection as a JSON object of fields, or named connections as {"connections": {"NAME": {...}}}.',
      },
    );
  }
  if (!('connections' in value)) return { kind: 'single', connection: { ...value } };
  const { connections, ...extra } = value;
  if (!isRecord(connections)) {
    throw new ConnectorError(
      'invalid_settings',
      `Settings file '${file}' has a "connections" entry that is not an object of named connections.`,
      { hint: 'Write "connections" as {"NAME": {"auth_type": ..., ...}, ...}.' },
    );
  }
  const named: Record<string, ConnectionValues> = {};
  for (const [name, connection] of Object.entries(connections)) {
    if (!isRecord(connection)) {
      throw new ConnectorError(
        'invalid_settings',
        `Settings file '${file}' has a connection '${name}' that is not an object.`,
        { hint: 'Write each named connection as a JSON object of its fields.' },
      );
    }
    named[name] = { ...connection };
  }
  if (Object.keys(named).length === 0) {
    throw new ConnectorError('invalid_settings', `Settings file '${file}' has no connections.`, {
      hint: 'Add at least one named connection under "connections".',
    });
  }
  return { kind: 'named', connections: named, extra };
}

function fromDocument(document: SettingsDocument): Record<string, unknown> {
  return document.kind === 'single'
    ? document.connection
    : { ...document.extra, connections: document.connections };
}

function cloneDocument(document: SettingsDocument): SettingsDocument {
  return structuredClone(document);
}
