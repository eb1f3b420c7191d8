/**
 * The UKG Pro simulator: a production and a test environment, each a real HTTP server on
 * loopback (port 0), with both REST auth models, per-web-service permissions and fault
 * injection. `startUkgSimulator()` returns the origins, the settings to write, and controls.
 */
import type { AddressInfo } from 'node:net';
import { buildEnvironmentApp } from './app';
import type { EnvironmentAppOptions } from './app';
import type { SimulatorCounters } from './context';
import { emptyCounters } from './context';
import type { FaultSpec } from './faults';
import { PRODUCTION, TEST } from './fixtures';
import { buildConnections } from './settings';
import type { UkgConnectionSettings } from './settings';

export { buildEnvironmentApp } from './app';
export { FaultSpecError } from './faults';
export type { FaultSpec } from './faults';
export type { SimulatorCounters } from './context';
export type { UkgConnectionSettings } from './settings';
export { PRODUCTION, TEST } from './fixtures';

/** Options of {@link startUkgSimulator}. */
export type StartUkgSimulatorOptions = Omit<EnvironmentAppOptions, 'env' | 'secrets'>;

/** One running environment. */
export interface UkgEnvironmentHandle {
  origin: string;
  /** Counters since the last reset. */
  state(): SimulatorCounters & { faultsFired: number };
  /**
   * Replaces the active faults. Takes any value, as parsed from `--faults` or a request body,
   * and checks it against {@link FaultSpec}'s schema: throws FaultSpecError for a bad spec.
   */
  setFaults(spec: FaultSpec | unknown): void;
}

/** A running simulator. */
export interface UkgSimulatorHandle {
  production: UkgEnvironmentHandle;
  test: UkgEnvironmentHandle;
  /** `{connections: {...}}`, ready to write as a settings file. */
  settings: { connections: Record<string, UkgConnectionSettings> };
  /** Clears counters and faults of both environments. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts both environments on 127.0.0.1 with fresh secrets.
 *
 * @example
 * const ukg = await startUkgSimulator();
 * // ukg.settings.connections.prod → a healthy web-service-account connection
 * await ukg.close();
 */
export async function startUkgSimulator(
  options: StartUkgSimulatorOptions = {},
): Promise<UkgSimulatorHandle> {
  const started = await Promise.all(
    [PRODUCTION, TEST].map(async (env) => {
      const { app, context } = buildEnvironmentApp({ ...options, env });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const handle: UkgEnvironmentHandle = {
        origin,
        state: () => ({ ...structuredClone(context.counters), faultsFired: context.faults.fired }),
        setFaults: (spec) => context.faults.set(spec),
      };
      return { app, context, origin, handle };
    }),
  );
  const [production, test] = started as [(typeof started)[0], (typeof started)[0]];
  return {
    production: production.handle,
    test: test.handle,
    settings: { connections: buildConnections(production, test) },
    reset: () => {
      for (const env of started) {
        env.context.faults.clear();
        Object.assign(env.context.counters, emptyCounters());
      }
    },
    close: async () => {
      await Promise.all(started.map((env) => env.app.close()));
    },
  };
}
