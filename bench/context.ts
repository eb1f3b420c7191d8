import type { BenchConfig } from './config';
import type { BenchSandbox } from './bench-sandbox';
import type { SandboxConnectionSettings } from '../sandbox/index';

/** What every figure receives. */
export interface BenchContext {
  config: BenchConfig;
  sandbox: BenchSandbox;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

/** The sandbox user whose inbox the benchmarks fill: the ISU the `us` connection acts as. */
export const BENCH_ASSIGNEE = 'ISU_Connector_US';

/** The sandbox's `us` connection (ISU integration client at `acme_us`) that every figure uses. */
export function usConnection(ctx: BenchContext): SandboxConnectionSettings {
  const connection = ctx.sandbox.settings.connections.us;
  if (!connection) throw new Error('The sandbox settings have no "us" connection.');
  return connection;
}
