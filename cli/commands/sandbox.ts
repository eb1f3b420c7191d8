import * as path from 'node:path';
import type { CommandContext, CommandResult } from '../command';

/** Options of `connector sandbox`. */
export interface SandboxCommandOptions {
  /**
   * Port on 127.0.0.1.
   * @default 0 (any free port; the banner prints the one chosen)
   */
  port?: number;
  /** Write the connections of this run (with their fresh secrets) to this settings file. */
  writeSettings?: string;
  /** Fault injection: JSON or `key=value,...` shorthand, parsed by the sandbox. */
  faults?: string;
}

/** The sandbox's foreground runner (`runSandboxCommand` in `sandbox/cli.ts`). */
export type SandboxRunner = (options: {
  port: number;
  writeSettings?: string;
  faults?: string;
}) => Promise<unknown>;

/**
 * Starts the embedded Workday sandbox in the foreground until SIGINT/SIGTERM. The sandbox prints
 * its own banner (URLs, tenants, connection names, demo logins; never client secrets).
 */
export async function sandbox(
  options: SandboxCommandOptions,
  context: CommandContext,
  runSandbox: SandboxRunner,
): Promise<CommandResult> {
  await runSandbox({
    port: options.port ?? 0,
    ...(options.writeSettings === undefined
      ? {}
      : { writeSettings: path.resolve(context.cwd, options.writeSettings) }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  });
  return { exitCode: 0 };
}
