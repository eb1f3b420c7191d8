/** How the `connector` CLI serves UKG Pro (`--connector ukg-pro`); loaded lazily. */
import * as path from 'node:path';
import type { ConnectorEntry } from '../../cli/connectors';
import type * as Foreground from '../../cli/simulator-foreground';
import { loadConnector } from '../../cli/load-connector';
import type * as Diagnose from './doctor/diagnose';
import type * as Simulator from './simulator';
import type * as Banner from './simulator/banner';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lazy = <T>(modulePath: string): T => require(modulePath) as T;

export const entry: ConnectorEntry = {
  name: 'ukg-pro',
  summary:
    'UKG Pro HCM REST (web service account + customer API key, or Developer Console client).',
  load: () => loadConnector(path.join(__dirname, 'connector')),
  sourceFile: 'connectors/ukg-pro/connector.ts',
  defaultConnection: 'prod',
  startSimulator: async () => {
    const simulator = await lazy<typeof Simulator>('./simulator').startUkgSimulator();
    return {
      origin: simulator.production.origin,
      settings: simulator.settings,
      close: () => simulator.close(),
    };
  },
  // The simulator takes free ports only: it listens once per environment.
  runSimulator: ({ port: _port, ...options }) =>
    lazy<typeof Foreground>('../../cli/simulator-foreground').runSimulatorInForeground({
      ...options,
      start: () => lazy<typeof Simulator>('./simulator').startUkgSimulator(),
      applyFaults: (simulator, spec) => simulator.production.setFaults(spec),
      banner: lazy<typeof Banner>('./simulator/banner').renderUkgBanner,
    }),
  diagnose: (options) => lazy<typeof Diagnose>('./doctor/diagnose').diagnoseUkg(options),
};
