/**
 * `connector sandbox`: starts the sandbox in the foreground, prints where it listens and how
 * to sign in, optionally writes the settings file, and closes on SIGINT/SIGTERM.
 */
import { SOAP_VERSION } from './constants';
import { parseFaultSpec } from './fault-spec';
import { startSandbox } from './index';
import type { SandboxHandle } from './index';
import type { FaultSpec, SandboxSettingsFile } from './types';
import { untilStopped } from './until-stopped';

/** Options of `runSandboxCommand`. */
export interface SandboxCommandOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** Path of the settings file to write (mode 0600) with every named connection. */
  writeSettings?: string;
  /**
   * Writes that file. The sandbox plays Workday and knows nothing of our client's settings
   * format or its file locking, so the CLI passes its one settings writer in.
   */
  saveSettings?: (file: string, settings: SandboxSettingsFile) => Promise<void>;
  /** Faults from the start: a FaultSpec, or `--faults` text (JSON or `key=value,...`). */
  faults?: string | FaultSpec;
  /** Where the summary goes. @default process.stdout */
  stdout?: { write(text: string): unknown };
  /** Stops the sandbox when aborted, in addition to SIGINT/SIGTERM. */
  signal?: AbortSignal;
  /** Called once the sandbox listens (tests use it to reach the handle). */
  onReady?: (sandbox: SandboxHandle) => void;
}

function renderSummary(sandbox: SandboxHandle, settingsPath: string | undefined): string {
  const lines = [`Workday sandbox listening on ${sandbox.origin}`, ''];
  const tenants = new Set(Object.values(sandbox.users).map((user) => user.tenant));
  for (const tenant of tenants) {
    lines.push(
      `Tenant ${tenant}`,
      `  REST      ${sandbox.origin}/ccx/api/v1/${tenant}`,
      `  token     ${sandbox.origin}/ccx/oauth2/${tenant}/token`,
      `  authorize ${sandbox.origin}/${tenant}/authorize`,
      `  SOAP      ${sandbox.origin}/ccx/service/${tenant}/Financial_Management/${SOAP_VERSION}`,
    );
  }
  lines.push('', 'Connections:');
  for (const [name, connection] of Object.entries(sandbox.settings.connections)) {
    lines.push(
      `  ${name.padEnd(18)} ${connection.auth_type.padEnd(18)} ${connection.token_endpoint}`,
    );
  }
  lines.push('', 'Demo logins for the consent page:');
  const persons = Object.values(sandbox.users).filter((user) => user.kind === 'person');
  for (const user of persons) {
    lines.push(`  ${user.tenant.padEnd(10)} ${user.username.padEnd(10)} ${user.password}`);
  }
  lines.push(
    '',
    settingsPath === undefined
      ? 'Client secrets and refresh tokens were generated for this run; pass --write-settings FILE to save them.'
      : `Client secrets and refresh tokens were written to ${settingsPath} (mode 0600).`,
    'Press Ctrl+C to stop.',
    '',
  );
  return lines.join('\n');
}

/**
 * Runs the sandbox until SIGINT/SIGTERM (or `signal`), then closes it. Never prints client
 * secrets or refresh tokens.
 */
export async function runSandboxCommand(options: SandboxCommandOptions = {}): Promise<void> {
  const faults =
    typeof options.faults === 'string' ? parseFaultSpec(options.faults) : options.faults;
  const sandbox = await startSandbox({
    port: options.port ?? 0,
    ...(faults === undefined ? {} : { faults }),
  });
  try {
    if (options.writeSettings !== undefined) {
      if (options.saveSettings === undefined)
        throw new Error('runSandboxCommand: writeSettings needs saveSettings to write the file.');
      await options.saveSettings(options.writeSettings, sandbox.settings);
    }
    (options.stdout ?? process.stdout).write(renderSummary(sandbox, options.writeSettings));
    options.onReady?.(sandbox);
    await untilStopped(options.signal);
  } finally {
    await sandbox.close();
  }
}
