import connector from '../connector';
import { createSession } from '../sdk/index';
import type { SandboxConnectionSettings } from '../sandbox/index';

/** A connector session as the bench drives it. */
export type BenchSession = Awaited<ReturnType<typeof createSession>>;

/**
 * Opens a session of the real connector definition through the SDK runtime, exactly as
 * `connector exec` does, for one sandbox connection (optionally with overrides such as
 * `max_concurrency`).
 */
export async function openSession(
  connection: SandboxConnectionSettings,
  overrides: Record<string, unknown> = {},
): Promise<BenchSession> {
  return createSession(connector, { connection: { ...connection, ...overrides } });
}
