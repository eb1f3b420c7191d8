/** Helpers of the Workiva suites: a simulator per suite and sessions on its connections. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import connector from '../connector';
import { createSession } from '../../../sdk/runtime';
import type { Session, SessionOptions } from '../../../sdk/runtime';
import { startWorkivaSimulator } from '../simulator';
import type { StartWorkivaSimulatorOptions, WorkivaSimulatorHandle } from '../simulator';
import type { WorkivaConnection } from '../workiva/connection-fields';

export function useWorkivaSimulator(
  options: StartWorkivaSimulatorOptions = {},
): () => WorkivaSimulatorHandle {
  let running: WorkivaSimulatorHandle | undefined;
  beforeAll(async () => {
    running = await startWorkivaSimulator(options);
  });
  beforeEach(() => running?.reset());
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (running === undefined) throw new Error('the Workiva simulator is not running');
    return running;
  };
}

export function connectionOf(sim: WorkivaSimulatorHandle, name: string): Record<string, string> {
  const c = sim.settings.connections[name];
  if (c === undefined) throw new Error(`no simulator connection ${name}`);
  return c;
}

export function sessionFor(
  sim: WorkivaSimulatorHandle,
  name: string,
  options: Partial<SessionOptions> = {},
): Session<WorkivaConnection> {
  return createSession(connector, { connection: connectionOf(sim, name), ...options });
}

export async function settingsFile(
  sim: WorkivaSimulatorHandle,
  extra: Record<string, Record<string, unknown>> = {},
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'workiva-settings-'));
  const file = path.join(dir, 'settings.json');
  await writeFile(
    file,
    JSON.stringify({ connections: { ...sim.settings.connections, ...extra } }),
    { mode: 0o600 },
  );
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
