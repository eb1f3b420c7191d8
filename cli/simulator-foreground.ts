/**
 * `connector sandbox --connector NAME` for connectors other than Workday: the one place that
 * parses `--faults` within the bounds of any local input, writes the settings file private,
 * prints the simulator's banner and waits to be stopped. Each connector only says how to start
 * its simulator, apply a fault spec and word its banner.
 */
import { FaultSpecError } from '../sandbox/fault-spec';
import { untilStopped } from '../sandbox/until-stopped';
import {
  describeJsonRefusal,
  JsonRefusedError,
  parseBoundedJson,
  writeSettingsFile,
} from '../sdk/settings';
import type { JsonBounds } from '../sdk/settings';

/** A fault spec is a few rules: far below any input's bounds, and never deep. */
const FAULTS_JSON_BOUNDS: JsonBounds = { maxDepth: 16, maxChars: 64 * 1024 };

/** What a simulator must offer to run in the foreground. */
export interface ForegroundSimulator {
  /** Its named connections, written by `--write-settings`. */
  settings: object;
  close(): Promise<void>;
}

/** Options of {@link runSimulatorInForeground}. */
export interface ForegroundRunOptions<S extends ForegroundSimulator> {
  /** Starts the simulator on loopback. */
  start(): Promise<S>;
  /**
   * Applies the parsed `--faults` JSON; throws a `FaultSpecError` naming what is wrong (the
   * simulator validates the spec against its own schema).
   */
  applyFaults(simulator: S, spec: unknown): void;
  /** The banner: where it listens and its connection names, never a secret. */
  banner(simulator: S, settingsFile: string | undefined): string;
  /** Absolute path of the settings file to write. */
  writeSettings?: string;
  /** `--faults`: JSON. */
  faults?: string;
  stdout?: { write(text: string): unknown };
  /** Stops the run like SIGINT does (tests). */
  signal?: AbortSignal;
}

/** Parses `--faults` JSON within bounds; a refusal is a `FaultSpecError` (a usage error). */
function parseFaults(text: string): unknown {
  try {
    return parseBoundedJson(text, FAULTS_JSON_BOUNDS);
  } catch (error) {
    if (!(error instanceof JsonRefusedError)) throw error;
    const problem = `--faults ${describeJsonRefusal(error.refusal)}`;
    throw new FaultSpecError(problem, problem);
  }
}

/** Runs the simulator until SIGINT/SIGTERM (or `signal`), then closes it. */
export async function runSimulatorInForeground<S extends ForegroundSimulator>(
  options: ForegroundRunOptions<S>,
): Promise<void> {
  // Refused before anything listens: a bad spec starts nothing.
  const faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  const simulator = await options.start();
  try {
    if (faults !== undefined) options.applyFaults(simulator, faults);
    if (options.writeSettings !== undefined)
      await writeSettingsFile(options.writeSettings, simulator.settings);
    (options.stdout ?? process.stdout).write(options.banner(simulator, options.writeSettings));
    await untilStopped(options.signal);
  } finally {
    await simulator.close();
  }
}
