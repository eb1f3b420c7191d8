import type { Redactor } from '../../sdk/redact';
import type { SettingsStore } from '../../sdk/settings';
import type { LoadedConnector } from '../load-connector';
import type { CliSession, SessionFactory } from '../session';
import { settingsSessionOptions } from '../settings-tokens';

/** Sessions per named connection, opened the way `connector exec` opens them, closed together. */
export interface DemoSessions {
  get(name: string): Promise<CliSession>;
  closeAll(): void;
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
        session = Promise.resolve(
          createSession(definition, settingsSessionOptions(store, name, redactor)),
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
