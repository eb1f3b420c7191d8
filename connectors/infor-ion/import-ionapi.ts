/**
 * `connector settings import-ionapi FILE`: writes a downloaded `.ionapi` file into a settings
 * file as one named connection, so the keys are never retyped (or mixed with another tenant's).
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ConnectorError } from '../../sdk/errors';
import { loadSettings, writeSettingsFile } from '../../sdk/settings';
import type { Redactor } from '../../sdk/redact';
import { ionConnectionFields } from './infor/connection-fields';
import { parseIonApiFile } from './infor/ionapi-file';

/** Options of the import. */
export interface ImportIonApiOptions {
  /** The `.ionapi` file. */
  file: string;
  /** The settings file to write (created, mode 0600, when missing). */
  settings: string;
  /** The connection name; default: the tenant in lower case (`acme_prd`). */
  connection?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  redactor: Redactor;
  /** Told when the existing settings file (or its key file) can be read by others. */
  onWarning?: (message: string) => void;
}

// The .ionapi file's secrets: the client secret and the service account's keys.
const SECRET_KEYS = ['cs', 'sask', 'saak'];

// Cached tokens belong to the keys they were issued for; a new file makes them worthless.
const TOKEN_KEYS = ['access_token', 'access_token_expires_at', 'refresh_token'];

/** Imports the file; returns one line saying what was written (no secret in it). */
export async function importIonApi(options: ImportIonApiOptions): Promise<string> {
  const file = path.resolve(options.cwd, options.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    throw new ConnectorError(
      'invalid_input',
      `The .ionapi file '${file}' cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        hint: 'Pass the path of the file downloaded from API Gateway > Authorized Apps > Download Credentials.',
      },
    );
  }
  const { values, ignored } = parseIonApiFile(text, file);
  for (const key of SECRET_KEYS) if (values[key] !== undefined) options.redactor.add(values[key]);
  const name = options.connection ?? (values.ti as string).toLowerCase();
  const target = path.resolve(options.cwd, options.settings);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await writeSettingsFile(target, { connections: { [name]: values } });
  } else {
    const store = await loadSettings(target, {
      env: options.env,
      cwd: options.cwd,
      ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
      secretFields: SECRET_KEYS,
    });
    // Fields of an earlier file that this one lacks (e.g. saak after a switch to client
    // credentials) are removed, not kept: a connection is one file's keys.
    const stale = [...Object.keys(ionConnectionFields.shape), ...TOKEN_KEYS].filter(
      (key) => values[key] === undefined,
    );
    await store.updateConnection(name, {
      ...Object.fromEntries(stale.map((key) => [key, null])),
      ...values,
    });
  }
  const kind =
    values.app_type === 'service_account'
      ? 'service account (password grant)'
      : 'client credentials';
  const note = ignored.length === 0 ? '' : `; keys not used: ${ignored.join(', ')}`;
  return `Imported tenant ${values.ti as string}${values.cn === undefined ? '' : ` (app ${values.cn})`}, ${kind}, into connection '${name}' of ${target}${note}.\n`;
}
