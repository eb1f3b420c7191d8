import { defaultCreateSession, defaultStartSandbox } from '../defaults';
import { runDemo } from '../demo/run-demo';
import { loadConnector } from '../load-connector';
import type { CommandContext, CommandResult } from '../command';
import type { DemoSandbox } from '../demo/demo-context';
import type { LoadedConnector } from '../load-connector';
import type { SessionFactory } from '../session';

/** Options of `connector demo` (what `npm start` runs). */
export interface DemoOptions {
  /** Leave the sandbox running after the demo and print how to call `connector exec` against it. */
  keep?: boolean;
  /**
   * The connector whose demo runs (`--connector NAME`); other connectors' demos are run by
   * `cli/run.ts` through their registry entry.
   * @default 'workday'
   */
  connector?: string;
}

/** What `demo` needs besides options; each has a production default. */
export interface DemoDependencies {
  /** @default the package's connector.ts */
  loadConnector?: () => LoadedConnector;
  /** @default the SDK's createSession */
  createSession?: SessionFactory;
  /** @default startSandbox from sandbox/index.ts */
  startSandbox?: () => Promise<DemoSandbox>;
  /**
   * Where the transcript goes, as it happens (the steps take a moment, and `--keep` waits).
   * @default process.stdout
   */
  write?: (text: string) => void;
  /** @default resolves on SIGINT or SIGTERM */
  waitForStop?: () => Promise<void>;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `connector demo` (`npm start`): runs the whole product against the embedded sandbox (doctor,
 * inbox approvals, journals, the inbox trigger), printing each step and checking it did what it
 * shows. Exits non-zero naming the first step that did not. `--keep` leaves the sandbox running.
 */
export async function demo(
  options: DemoOptions,
  context: CommandContext,
  dependencies: DemoDependencies = {},
): Promise<CommandResult> {
  const exitCode = await runDemo({
    definition: (dependencies.loadConnector ?? loadConnector)(),
    createSession: dependencies.createSession ?? defaultCreateSession(),
    startSandbox: dependencies.startSandbox ?? defaultStartSandbox,
    redactor: context.redactor,
    write: dependencies.write ?? ((text) => process.stdout.write(text)),
    keep: options.keep === true,
    waitForStop: dependencies.waitForStop ?? waitForSignal,
  });
  return { exitCode };
}
