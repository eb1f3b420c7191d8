/**
 * The connectors one `connector` CLI serves (`--connector NAME`, Workday the default). Each entry
 * says where its definition, simulator and (optionally) its own doctor live; everything is
 * loaded on first use, so naming a connector costs nothing for the others.
 * How to add one: connectors/README.md.
 */
import { ConnectorError } from '../sdk/errors';
import { DEFAULT_CONNECTOR_MODULE, loadConnector } from './load-connector';
import { usageError } from './usage-error';
import type { DiagnoseOptions } from './doctor/diagnose-connection';
import type { ConnectionReport } from './doctor/report';
import type { LoadedConnector } from './load-connector';
import type * as SandboxCli from '../sandbox/cli';
import type * as SandboxIndex from '../sandbox/index';
import type * as Settings from '../sdk/settings';
import type * as UkgProCli from '../connectors/ukg-pro/cli';
import type * as WorkivaCli from '../connectors/workiva/cli';
import type * as WorkdayDoctor from './doctor/diagnose-connection';
import type * as InforIon from '../connectors/infor-ion/cli';

/** A simulator listening on loopback, as `build` and `demo` use it. */
export interface SimulatorHandle {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Its named connections, ready to write as a settings file. */
  settings: { connections: Record<string, Record<string, unknown>> };
  close(): Promise<void>;
}

/** Options of a simulator's foreground run (`connector sandbox --connector NAME`). */
export interface SimulatorRunOptions {
  /** 0 picks a free port. */
  port: number;
  /** Absolute path of the settings file to write with the simulator's connections. */
  writeSettings?: string;
  /** Fault injection text (`--faults`), parsed by the simulator. */
  faults?: string;
  /** Where the banner goes (default standard output). */
  stdout?: { write(text: string): unknown };
  /** Stops the run like SIGINT does (tests). */
  signal?: AbortSignal;
}

/** One connector the CLI serves. */
export interface ConnectorEntry {
  /** The `--connector` value, e.g. `workday`, `infor-ion`. */
  name: string;
  /** One line for `--help` and usage errors. */
  summary: string;
  /** Loads the connector definition (its module's default export). */
  load(): LoadedConnector;
  /**
   * The definition's source file, relative to the package root (`connector build`'s default
   * `--entry`).
   */
  sourceFile: string;
  /** The simulator connection `build` self-tests against when no `--settings` is given. */
  defaultConnection: string;
  /** Starts the connector's simulator on loopback (for `build` and tests). */
  startSimulator(): Promise<SimulatorHandle>;
  /** Runs the simulator in the foreground until SIGINT/SIGTERM, printing its own banner. */
  runSimulator(options: SimulatorRunOptions): Promise<unknown>;
  /**
   * Diagnoses one connection for `connector doctor`; when absent, `diagnoseGeneric` (settings,
   * token request, connection test, probes, each failure in the SDK's words).
   */
  diagnose?(options: DiagnoseOptions): Promise<ConnectionReport>;
  /** `connector demo --connector NAME`: runs the connector's demo, returns the exit code. */
  demo?(write: (text: string) => void): Promise<number>;
}

/** The connector `--connector` defaults to. */
export const DEFAULT_CONNECTOR = 'workday';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lazy = <T>(modulePath: string): T => require(modulePath) as T;

const workday: ConnectorEntry = {
  name: 'workday',
  summary: 'Workday REST and Financial_Management web services (the package default).',
  load: () => loadConnector(DEFAULT_CONNECTOR_MODULE),
  sourceFile: 'connector.ts',
  defaultConnection: 'us',
  startSimulator: async () => {
    const sandbox = await lazy<typeof SandboxIndex>('../sandbox/index').startSandbox();
    return {
      origin: sandbox.origin,
      settings: sandbox.settings as unknown as SimulatorHandle['settings'],
      close: () => sandbox.close(),
    };
  },
  runSimulator: (options) =>
    lazy<typeof SandboxCli>('../sandbox/cli').runSandboxCommand({
      ...options,
      saveSettings: (file, settings) =>
        lazy<typeof Settings>('../sdk/settings').writeSettingsFile(file, settings),
    }),
  // Functional areas, ISU vs user account, tenant agreement: Workday's own diagnosis.
  diagnose: (options) =>
    lazy<typeof WorkdayDoctor>('./doctor/diagnose-connection').diagnoseConnection(options),
};

/**
 * Every connector, by name. A further system adds one line here, pointing at the `entry` its
 * folder's `cli.ts` exports.
 */
const ENTRIES: Record<string, () => ConnectorEntry> = {
  workday: () => workday,
  'infor-ion': () => lazy<typeof InforIon>('../connectors/infor-ion/cli').entry,
  'ukg-pro': () => lazy<typeof UkgProCli>('../connectors/ukg-pro/cli').entry,
  workiva: () => lazy<typeof WorkivaCli>('../connectors/workiva/cli').entry,
};

/** The names `--connector` accepts, the default first. */
export function connectorNames(): string[] {
  return Object.keys(ENTRIES);
}

/**
 * The entry for `--connector NAME` (Workday when absent).
 *
 * @throws ConnectorError `invalid_input` naming the connectors there are.
 */
export function resolveConnector(name: string | undefined): ConnectorEntry {
  const key = name ?? DEFAULT_CONNECTOR;
  const make = Object.hasOwn(ENTRIES, key) ? ENTRIES[key] : undefined;
  if (make === undefined)
    throw usageError(
      `Unknown connector '${key}'.`,
      `--connector takes one of: ${connectorNames().join(', ')}.`,
    );
  try {
    return make();
  } catch (error: unknown) {
    throw new ConnectorError('internal', `The connector '${key}' could not be loaded.`, {
      cause: error,
    });
  }
}
