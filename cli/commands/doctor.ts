import * as path from 'node:path';
import { registerConnectionSecrets } from '../connection-secrets';
import { diagnoseConnection } from '../doctor/diagnose-connection';
import { doctorExitCode } from '../doctor/exit-code';
import { renderDoctorReport } from '../doctor/render-table';
import { loadConnector } from '../load-connector';
import { usageError } from '../usage-error';
import { openSettings } from '../open-settings';
import type { CommandContext, CommandResult } from '../command';
import type { DiagnoseOptions, DoctorSessionFactory } from '../doctor/diagnose-connection';
import type { ConnectionReport, DoctorReport } from '../doctor/report';
import type { LoadedConnector } from '../load-connector';

/** Options of `connector doctor`. */
export interface DoctorOptions {
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
  /** The named connection to check; required when the file names several, unless `all`. */
  connection?: string;
  /** Check every named connection (e.g. US and EMEA at once). */
  all: boolean;
  /** Print the findings as JSON instead of a table. */
  json: boolean;
}

/** What `doctor` needs besides options; tests inject a connector, session factory and timeouts. */
export interface DoctorDependencies {
  /**
   * The connector definition.
   * @default the package's connector.ts
   */
  loadConnector?: () => LoadedConnector;
  /** @default the SDK's createSession */
  createSession?: DoctorSessionFactory;
  /**
   * Timeout of each request.
   * @default 20000
   */
  timeoutMs?: number;
  /**
   * Diagnoses one connection (the `--connector`'s own doctor).
   * @default the Workday diagnosis, `diagnoseConnection`
   */
  diagnose?: (options: DiagnoseOptions) => Promise<ConnectionReport>;
}

/**
 * Diagnoses connections: walks settings → endpoints → token request → token facts → the
 * connector's test → every action's and trigger's probes, and prints one table per connection
 * (or `--json`). Exits non-zero when a check fails; with the auth exit code for authorization.
 */
export async function doctor(
  options: DoctorOptions,
  context: CommandContext,
  dependencies: DoctorDependencies = {},
): Promise<CommandResult> {
  if (options.all && options.connection !== undefined) {
    throw usageError('--connection and --all cannot be used together.', 'Pass one of them.');
  }
  const definition = (dependencies.loadConnector ?? loadConnector)();
  const settingsPath = path.resolve(context.cwd, options.settings);
  const store = await openSettings(settingsPath, context, definition.connection.fields);
  const named = store.connectionNames();
  // Any connection's secret could surface in another's diagnosis (e.g. a shared client): scrub all.
  for (const name of named.length === 0 ? [undefined] : named) {
    registerConnectionSecrets(
      context.redactor,
      store.getConnection(name),
      definition.connection.fields,
    );
  }
  let names: Array<string | undefined>;
  if (options.all) {
    names = named.length === 0 ? [undefined] : named;
  } else if (options.connection === undefined && named.length > 1) {
    throw usageError(
      `Settings file '${settingsPath}' holds several connections: ${named.join(', ')}.`,
      'Pass --connection NAME, or --all to check every one.',
    );
  } else {
    names = [store.resolveConnectionName(options.connection)];
  }

  const connections: ConnectionReport[] = [];
  for (const name of names) {
    connections.push(
      await (dependencies.diagnose ?? diagnoseConnection)({
        definition,
        store,
        name,
        redactor: context.redactor,
        ...(dependencies.createSession === undefined
          ? {}
          : { createSession: dependencies.createSession }),
        ...(dependencies.timeoutMs === undefined ? {} : { timeoutMs: dependencies.timeoutMs }),
      }),
    );
  }
  const report: DoctorReport = { ok: connections.every((c) => c.ok), connections };
  const text = options.json
    ? `${JSON.stringify(context.redactor.redactValue(report), null, 2)}\n`
    : context.redactor.redact(renderDoctorReport(report));
  return { stdout: text, exitCode: doctorExitCode(report) };
}
