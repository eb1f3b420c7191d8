/** How the `connector` CLI serves UKG Pro (`--connector ukg-pro`); loaded lazily. */
import * as path from 'node:path';
import type { ConnectorEntry } from '../../cli/connectors';
import { loadConnector } from '../../cli/load-connector';
import type * as Diagnose from './doctor/diagnose';
import type * as Simulator from './simulator';
import type * as Run from './simulator/run';

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
  runSimulator: (options) =>
    lazy<typeof Run>('./simulator/run').runUkgSimulator({
      port: options.port,
      ...(options.writeSettings === undefined ? {} : { writeSettings: options.writeSettings }),
      ...(options.faults === undefined ? {} : { faults: options.faults }),
    }),
  diagnose: (options) => lazy<typeof Diagnose>('./doctor/diagnose').diagnoseUkg(options),
};
