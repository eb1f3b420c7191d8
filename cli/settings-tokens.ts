import type { Redactor } from '../sdk/redact';
import type { ConnectionValues, SettingsStore } from '../sdk/settings';
import type { CliSessionOptions, TokenUpdate } from './session';

/**
 * The token cache the CLI writes back beside the connection values; not fields the connector's
 * schema knows.
 */
export const CACHED_TOKEN_KEYS = ['access_token', 'access_token_expires_at'] as const;

/** The access token cached in a settings file, as the SDK session takes it. */
export interface CachedTokens {
  access_token?: string;
  access_token_expires_at?: string;
}

/**
 * Splits a connection's settings values into the values the connector validates and the cached
 * access token the CLI wrote back earlier (empty or non-string token values are dropped).
 */
export function splitTokens(values: ConnectionValues): {
  connection: ConnectionValues;
  tokens: CachedTokens;
} {
  const connection = { ...values };
  const tokens: CachedTokens = {};
  for (const key of CACHED_TOKEN_KEYS) {
    const value = connection[key];
    delete connection[key];
    if (typeof value === 'string' && value !== '') tokens[key] = value;
  }
  return { connection, tokens };
}

/**
 * An `onTokens` callback that registers every new token as a secret with `redactor` and writes
 * the update back to connection `name` of the settings file.
 */
export function writeBackTokens(
  store: SettingsStore,
  name: string | undefined,
  redactor: Redactor,
): (update: TokenUpdate) => Promise<void> {
  return async (update) => {
    redactor.add(update.access_token);
    if (update.refresh_token !== undefined) redactor.add(update.refresh_token);
    await store.updateConnection(name, { ...update });
  };
}

/**
 * The session options for connection `name` of a settings file, as `connector exec` opens it:
 * the connection values, the cached access token, and new tokens written back as secrets.
 */
export function settingsSessionOptions(
  store: SettingsStore,
  name: string | undefined,
  redactor: Redactor,
): Required<Pick<CliSessionOptions, 'connection' | 'tokens' | 'onTokens'>> {
  const { connection, tokens } = splitTokens(store.getConnection(name));
  return { connection, tokens, onTokens: writeBackTokens(store, name, redactor) };
}
