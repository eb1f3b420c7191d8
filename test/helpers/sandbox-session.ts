import connector from '../../connector';
import { startSandbox } from '../../sandbox/index';
import type { StartSandboxOptions } from '../../sandbox/index';
import type { FaultSpec, SandboxState } from '../../sandbox/types';
import { createSession } from '../../sdk/index';
import type { Session, SessionOptions } from '../../sdk/index';
import type { WorkdayConnection } from '../../workday/connection-fields';
import { useSuiteResource } from './suite-resource';

type SandboxHandle = Awaited<ReturnType<typeof startSandbox>>;

/** The sandbox's named connections (see the sandbox settings file). */
export type SandboxConnectionName = 'us' | 'emea' | 'us_limited' | 'us_user' | 'us_client_at_emea';

/** A running sandbox plus sessions of the Workday connector against it. */
export interface SandboxFixture {
  sandbox: SandboxHandle;
  /**
   * A connector session for a named sandbox connection (default `us`), optionally with some
   * settings changed. Closed by {@link SandboxFixture.reset} and {@link SandboxFixture.close}.
   */
  session(
    name?: SandboxConnectionName,
    overrides?: Record<string, unknown>,
    options?: Omit<SessionOptions, 'connection'>,
  ): Session<WorkdayConnection>;
  /** The raw settings of a named connection (a copy). */
  settings(name?: SandboxConnectionName): Record<string, unknown>;
  /** Sandbox counters. */
  state(): Promise<SandboxState>;
  /** Requests the sandbox counted for one route name since the last reset (0 when none). */
  count(route: string): Promise<number>;
  setFaults(spec: FaultSpec): void;
  /** Closes the sessions made so far and restores the sandbox fixtures, counters and faults. */
  reset(): Promise<void>;
  /** Closes every session and the sandbox. */
  close(): Promise<void>;
}

/**
 * Starts the embedded Workday sandbox on 127.0.0.1 (port 0) and hands out connector sessions
 * for its named connections. Start once per test file (`beforeAll`), `reset()` in `beforeEach`,
 * `close()` in `afterAll`. `options` go to the sandbox (e.g. a `now` clock); the port stays 0.
 */
export async function startSandboxFixture(
  options: Omit<StartSandboxOptions, 'port' | 'host'> = {},
): Promise<SandboxFixture> {
  const sandbox = await startSandbox({ ...options, port: 0 });
  const sessions: Array<Session<WorkdayConnection>> = [];
  const settings = (name: SandboxConnectionName = 'us'): Record<string, unknown> => {
    const found = sandbox.settings.connections[name];
    if (found === undefined) throw new Error(`The sandbox has no connection "${name}".`);
    return { ...found };
  };
  const closeSessions = (): void => {
    for (const session of sessions.splice(0)) session.close();
  };
  return {
    sandbox,
    settings,
    session(name = 'us', overrides = {}, options = {}) {
      const session = createSession(connector, {
        ...options,
        connection: { ...settings(name), ...overrides },
      });
      sessions.push(session);
      return session;
    },
    state: () => sandbox.state(),
    async count(route) {
      return (await sandbox.state()).requests.byRoute[route] ?? 0;
    },
    setFaults: (spec) => sandbox.setFaults(spec),
    async reset() {
      closeSessions();
      sandbox.reset();
    },
    async close() {
      closeSessions();
      await sandbox.close();
    },
  };
}

/** Options of {@link useSandboxFixture}. */
export interface UseSandboxFixtureOptions {
  /**
   * Reset the sandbox (and close the sessions made) before every test.
   * @default true
   */
  resetBeforeEach?: boolean;
  /** Options for the sandbox, e.g. a `now` clock shared with the sessions. */
  sandbox?: Omit<StartSandboxOptions, 'port' | 'host'>;
}

/**
 * Registers the jest hooks of a suite against the sandbox: {@link startSandboxFixture} in
 * `beforeAll`, `reset()` in `beforeEach` (unless turned off) and `close()` in `afterAll`, in the
 * enclosing `describe` (or the file). Returns a fixture that forwards to the running one, so it
 * can be declared at the top and used inside tests and later hooks.
 */
export function useSandboxFixture(options: UseSandboxFixtureOptions = {}): SandboxFixture {
  return useSuiteResource({
    name: 'sandbox fixture',
    start: () => startSandboxFixture(options.sandbox),
    ...(options.resetBeforeEach === false ? {} : { beforeEach: (f: SandboxFixture) => f.reset() }),
    close: (f) => f.close(),
  });
}
