import * as path from 'node:path';
import { FAULT_SPEC_KEYS, FaultSpecError } from '../../sandbox/fault-spec';
import { usageError } from '../usage-error';
import type { CommandContext, CommandResult } from '../command';

/** Options of `connector sandbox`. */
export interface SandboxCommandOptions {
  /**
   * The connector (`--connector NAME`).
   * @default 'workday'
   */
  connector?: string;
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
 * A malformed `--faults` spec or a port in use is a usage error (exit 2), not a bug.
 */
export async function sandbox(
  options: SandboxCommandOptions,
  context: CommandContext,
  runSandbox: SandboxRunner,
): Promise<CommandResult> {
  const port = options.port ?? 0;
  try {
    await runSandbox({
      port,
      ...(options.writeSettings === undefined
        ? {}
        : { writeSettings: path.resolve(context.cwd, options.writeSettings) }),
      ...(options.faults === undefined ? {} : { faults: options.faults }),
    });
  } catch (error) {
    throw sandboxUsageError(error, port, options.connector ?? 'workday') ?? error;
  }
  return { exitCode: 0 };
}

/**
 * The sandbox imports nothing from the SDK, so its errors are plain; the ones the person at the
 * terminal caused become `invalid_input` here. Anything else stays a bug.
 */
function sandboxUsageError(error: unknown, port: number, connector: string): Error | undefined {
  if (error instanceof FaultSpecError || (error as { name?: unknown }).name === 'FaultSpecError') {
    const problem = (error as FaultSpecError).problem ?? (error as Error).message;
    return usageError(
      `The --faults spec is not valid: ${problem.replace(/\.$/, '')}.`,
      // The key list and shorthand are the Workday sandbox's; other simulators take JSON rules.
      connector === 'workday'
        ? `Valid keys: ${describeFaultKeys()}; pass JSON or key=value pairs separated by commas, e.g. latencyMs=100,rateLimit.every=5,rateLimit.retryAfterSeconds=1.`
        : `The ${connector} simulator takes JSON of the shape its fault schema defines (connectors/${connector}/simulator/).`,
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return usageError(
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is already in use, so the sandbox cannot listen there.`
        : `The sandbox is not allowed to listen on port ${port} of 127.0.0.1.`,
      'Pick another --port, or 0 for any free port.',
    );
  }
  return undefined;
}

/** `latencyMs, rateLimit.{every,retryAfterSeconds,match}, ...`: the keys grouped by parent. */
export function describeFaultKeys(keys: readonly string[] = FAULT_SPEC_KEYS): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const dot = key.indexOf('.');
    const parent = dot < 0 ? key : key.slice(0, dot);
    const children = groups.get(parent) ?? [];
    if (dot >= 0) children.push(key.slice(dot + 1));
    groups.set(parent, children);
  }
  return [...groups]
    .map(([parent, children]) =>
      children.length === 0 ? parent : `${parent}.{${children.join(',')}}`,
    )
    .join(', ');
}
