import { registerConnectionSecrets } from '../connection-secrets';
import { loadConnector } from '../load-connector';
import { settingsSessionOptions } from '../settings-tokens';
import { openSettings } from '../open-settings';
import type { CommandContext, CommandResult } from '../command';
import type { LoadedConnector } from '../load-connector';

/** Options of `connector disconnect`. */
export interface DisconnectOptions {
  /**
   * The connector (`--connector NAME`).
   * @default 'workday'
   */
  connector?: string;
  /**
   * The settings file (plain or encrypted), relative to the working directory.
   * @default 'settings.json'
   */
  settings: string;
  /** The named connection to disconnect; required when the file names several. */
  connection?: string;
}

/** What `disconnect` needs besides options. */
export interface DisconnectDependencies {
  /** @default the package's connector.ts */
  loadConnector?: () => LoadedConnector;
  /** The SDK's `createSession` (a session that can `disconnect()`). */
  createSession: (
    definition: LoadedConnector,
    options: ReturnType<typeof settingsSessionOptions>,
  ) => { disconnect(): Promise<'refresh_token' | 'access_token' | 'none'>; close(): void };
}

// Saved by the CLI (or by the user, for a refresh-token connection) and worthless once revoked.
const TOKEN_KEYS = ['access_token', 'access_token_expires_at', 'refresh_token'] as const;

/**
 * `connector disconnect`: what a user's "disconnect" does on a platform. Revokes the connection's
 * refresh token (or, without one, its access token) at the authorization's revocation endpoint,
 * then removes the saved tokens from the settings file. The other credentials (client id and
 * secret, service-account keys) stay: connecting again needs no re-entry.
 */
export async function disconnect(
  options: DisconnectOptions,
  context: CommandContext,
  dependencies: DisconnectDependencies,
): Promise<CommandResult> {
  const definition = (dependencies.loadConnector ?? loadConnector)();
  const store = await openSettings(options.settings, context, definition.connection.fields);
  const name = store.resolveConnectionName(options.connection);
  registerConnectionSecrets(
    context.redactor,
    store.getConnection(name),
    definition.connection.fields,
  );
  const session = dependencies.createSession(
    definition,
    settingsSessionOptions(store, name, context.redactor),
  );
  let revoked: 'refresh_token' | 'access_token' | 'none';
  try {
    revoked = await session.disconnect();
  } finally {
    session.close();
  }
  await store.updateConnection(name, Object.fromEntries(TOKEN_KEYS.map((key) => [key, null])));
  const label = name ?? 'default';
  const what =
    revoked === 'none'
      ? `Connection '${label}' held no token to revoke`
      : `Revoked the ${revoked === 'refresh_token' ? 'refresh token' : 'access token'} of connection '${label}'`;
  return { stdout: `${what}; removed its saved tokens from ${store.path}.\n`, exitCode: 0 };
}
