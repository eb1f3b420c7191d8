import type { Redactor } from '../../sdk/redact';
import type { ConnectionValues, SettingsStore } from '../../sdk/settings';
import type { LoadedConnector } from '../load-connector';
import type { CliSession, SessionFactory, TokenUpdate } from '../session';

// Written back beside the connection values by the CLI; the connector's fields do not know them.
const TOKEN_KEYS = ['access_token', 'access_token_expires_at'] as const;

/** Sessions per named connection, opened the way `connector exec` opens them, closed together. */
export interface DemoSessions {
  get(name: string): Promise<CliSession>;
  closeAll(): void;
}

function splitTokens(values: ConnectionValues): {
  connection: ConnectionValues;
  tokens: { access_token?: string; access_token_expires_at?: string };
} {
  const connection = { ...values };
  const tokens: { access_token?: string; access_token_expires_at?: string } = {};
  for (const key of TOKEN_KEYS) {
    const value = connection[key];
    delete connection[key];
    if (typeof value === 'string' && value !== '') tokens[key] = value;
  }
  return { connection, tokens };
}

/**
 * Opens sessions from the settings file like `connector exec` does: the connection values and
 * any cached access token from the file, new tokens registered as secrets and written back.
 */
export function createDemoSessions(
  definition: LoadedConnector,
  store: SettingsStore,
  createSession: SessionFactory,
  redactor: Redactor,
): DemoSessions {
  const open = new Map<string, Promise<CliSession>>();
  return {
    get(name) {
      let session = open.get(name);
      if (session === undefined) {
        const { connection, tokens } = splitTokens(store.getConnection(name));
        session = Promise.resolve(
          createSession(definition, {
            connection,
            tokens,
            onTokens: async (update: TokenUpdate) => {
              redactor.add(update.access_token);
              if (update.refresh_token !== undefined) redactor.add(update.refresh_token);
              await store.updateConnection(name, { ...update });
            },
          }),
        );
        open.set(name, session);
      }
      return session;
    },
    closeAll() {
      for (const session of open.values())
        void session.then(
          (s) => s.close(),
          () => undefined,
        );
      open.clear();
    },
  };
}
