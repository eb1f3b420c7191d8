/**
 * The embedded Workday sandbox tenant: `startSandbox()` listens on loopback and returns a
 * handle with the settings file, the logins and the control surface.
 */
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './app';
import { buildSettings, buildUsers } from './settings';
import type {
  AddInboxTasksRequest,
  FaultSpec,
  InboxTaskRecord,
  SandboxOptions,
  SandboxSettingsFile,
  SandboxState,
  SandboxUser,
} from './types';

export { buildSandbox } from './app';
export { assertFaultSpec, FaultSpecError, parseFaultSpec } from './fault-spec';
export { ROUTE_NAMES } from './route-names';
export type * from './types';

/** Options of `startSandbox()`: the app's options (secrets are always generated) and where to listen. */
export interface StartSandboxOptions extends Omit<SandboxOptions, 'secrets'> {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Only loopback. @default '127.0.0.1' */
  host?: '127.0.0.1';
}

/** A running sandbox. */
export interface SandboxHandle {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** The named connections, ready to write as a settings file (`writeSettingsFile` in sdk/settings). */
  settings: SandboxSettingsFile;
  /** Logins by username: demo persons for the consent page, ISUs with generated SOAP passwords. */
  users: Record<string, SandboxUser>;
  /** Same as `GET /_sandbox/state`. */
  state(): Promise<SandboxState>;
  /** Replaces the active faults (same as `POST /_sandbox/faults`). */
  setFaults(spec: FaultSpec): void;
  /** Restores fixtures; clears counters, faults and issued tokens (same as `POST /_sandbox/reset`). */
  reset(): void;
  /** Sets how long import processes received from now on run (same as `POST /_sandbox/import-delay`). */
  setImportDelay(ms: number): void;
  /** Same as `POST /_sandbox/inbox-tasks`. */
  addInboxTasks(request: AddInboxTasksRequest): InboxTaskRecord[];
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox on loopback. Client secrets and ISU refresh tokens are generated for this
 * run; they are in `settings` only.
 *
 * @example
 * const sandbox = await startSandbox();
 * await writeSettingsFile('.tmp/settings.json', sandbox.settings); // from sdk/settings
 * // ...
 * await sandbox.close();
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const { port: requestedPort = 0, host = '127.0.0.1', ...appOptions } = options;
  const { app, controller, secrets } = createSandboxApp(appOptions);
  await app.listen({ port: requestedPort, host });
  const port = (app.server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    settings: buildSettings(origin, secrets),
    users: buildUsers(secrets),
    state: async () => controller.state(),
    setFaults: (spec) => controller.setFaults(spec),
    reset: () => controller.reset(),
    setImportDelay: (ms) => controller.setImportDelay(ms),
    addInboxTasks: (request) => controller.addInboxTasks(request),
    close: () => app.close(),
  };
}
