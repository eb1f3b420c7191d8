/**
 * How the one `connector` CLI serves the Infor ION connector (`--connector infor-ion`): its
 * definition, its simulator and its own doctor. Everything loads on first use.
 */
import * as path from 'node:path';
import { loadConnector } from '../../cli/load-connector';
import type { ConnectorEntry } from '../../cli/connectors';
import type * as Foreground from '../../cli/simulator-foreground';
import type * as Demo from './demo';
import type * as Doctor from './doctor/diagnose';
import type * as SimulatorCli from './simulator/cli';
import type * as Simulator from './simulator/index';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lazy = <T>(modulePath: string): T => require(modulePath) as T;

export const entry: ConnectorEntry = {
  name: 'infor-ion',
  summary: 'Infor CloudSuite through the ION API Gateway (M3 GL batches).',
  load: () => loadConnector(path.join(__dirname, 'connector')),
  sourceFile: 'connectors/infor-ion/connector.ts',
  defaultConnection: 'prd',
  startSimulator: async () => {
    const simulator = await lazy<typeof Simulator>('./simulator/index').startIonSimulator();
    return {
      origin: simulator.origin,
      settings: simulator.settings,
      close: () => simulator.close(),
    };
  },
  runSimulator: ({ port, ...options }) => {
    const { assertIonFaults, renderIonBanner } = lazy<typeof SimulatorCli>('./simulator/cli');
    return lazy<typeof Foreground>('../../cli/simulator-foreground').runSimulatorInForeground({
      ...options,
      start: () => lazy<typeof Simulator>('./simulator/index').startIonSimulator({ port }),
      applyFaults: (simulator, spec) => simulator.setFaults(assertIonFaults(spec)),
      banner: renderIonBanner,
    });
  },
  demo: (write) => lazy<typeof Demo>('./demo').runIonDemo(write),
  diagnose: (options) => lazy<typeof Doctor>('./doctor/diagnose').diagnoseIonConnection(options),
};
