/** Helpers of the UKG Pro suites: a simulator per suite and sessions on its connections. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import connector from '../connector';
import { createSession } from '../../../sdk/runtime';
import type { Session } from '../../../sdk/runtime';
import { startUkgSimulator } from '../simulator';
import type { UkgSimulatorHandle } from '../simulator';
import type { UkgConnection } from '../ukg/connection-fields';

export function useUkgSimulator(
  options: Parameters<typeof startUkgSimulator>[0] = {},
): () => UkgSimulatorHandle {
  let running: UkgSimulatorHandle | undefined;
  beforeAll(async () => {
    running = await startUkgSimulator(options);
  });
  beforeEach(() => running?.reset());
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (running === undefined) throw new Error('the UKG simulator is not running');
    return running;
  };
}

export function connectionOf(ukg: UkgSimulatorHandle, name: string): Record<string, string> {
  const c = ukg.settings.connections[name];
  if (c === undefined) throw new Error(`no simulator connection ${name}`);
  return c;
}

export function sessionFor(
  ukg: UkgSimulatorHandle,
  name: string,
  overrides: Record<string, unknown> = {},
): Session<UkgConnection> {
  return createSession(connector, {
    connection: { ...connectionOf(ukg, name), ...overrides },
    http: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
  });
}

/** Writes the simulator's settings to a temporary file; returns its path and a cleanup. */
export async function settingsFile(
  ukg: UkgSimulatorHandle,
  extra: Record<string, Record<string, unknown>> = {},
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ukg-settings-'));
  const file = path.join(dir, 'settings.json');
  await writeFile(
    file,
    JSON.stringify({ connections: { ...ukg.settings.connections, ...extra } }),
    { mode: 0o600 },
  );
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
