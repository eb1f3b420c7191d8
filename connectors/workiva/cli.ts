/** How the `connector` CLI serves Workiva (`--connector workiva`); loaded lazily. */
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
  name: 'workiva',
  summary: 'Workiva Platform API (OAuth2 client credentials; files, spreadsheets, operations).',
  load: () => loadConnector(path.join(__dirname, 'connector')),
  sourceFile: 'connectors/workiva/connector.ts',
  defaultConnection: 'us',
  startSimulator: async () => {
    const simulator = await lazy<typeof Simulator>('./simulator').startWorkivaSimulator();
    return {
      origin: simulator.us.origin,
      settings: simulator.settings,
      close: () => simulator.close(),
    };
  },
  // The simulator takes free ports only: it listens once per region.
  runSimulator: ({ port: _port, ...options }) =>
    lazy<typeof Foreground>('../../cli/simulator-foreground').runSimulatorInForeground({
      ...options,
      start: () => lazy<typeof Simulator>('./simulator').startWorkivaSimulator(),
      applyFaults: (simulator, spec) => simulator.us.setFaults(spec),
      banner: lazy<typeof Banner>('./simulator/banner').renderWorkivaBanner,
    }),
  diagnose: (options) => lazy<typeof Diagnose>('./doctor/diagnose').diagnoseWorkiva(options),
};
