import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSettings, writeSettingsFile } from '../../sdk/settings';
import { registerConnectionSecrets } from '../connection-secrets';
import { diagnoseConnection } from '../doctor/diagnose-connection';
import { exitCodeFor } from '../exit-codes';
import { createDemoSessions } from './demo-sessions';
import { heading, note, passLine } from './format';
import { doctorStep } from './steps/doctor-step';
import { inboxStep } from './steps/inbox-step';
import { journalStep } from './steps/journal-step';
import { triggerStep } from './steps/trigger-step';
import { CLI_COMMAND } from '../cli-name';
import type { Redactor } from '../../sdk/redact';
import type { LoadedConnector } from '../load-connector';
import type { SessionFactory } from '../session';
import type { DemoContext, DemoSandbox, DemoStep } from './demo-context';

/** The steps, in order; the last printed step (stopping the sandbox) is the runner's own. */
export const DEMO_STEPS: readonly DemoStep[] = [doctorStep, inboxStep, journalStep, triggerStep];

/** Everything the demo runs with; the command supplies the production parts. */
export interface RunDemoOptions {
  definition: LoadedConnector;
  createSession: SessionFactory;
  startSandbox: () => Promise<DemoSandbox>;
  redactor: Redactor;
  /** Writes transcript text; the runner redacts before calling it. */
  write: (text: string) => void;
  /** Leave the sandbox running after the steps until `waitForStop` resolves. */
  keep: boolean;
  /** Resolves when the user wants the kept sandbox stopped (Ctrl-C). */
  waitForStop: () => Promise<void>;
  /** @default the steps above */
  steps?: readonly DemoStep[];
  /** @default Date.now */
  now?: () => number;
}

const SETTINGS_FILE = 'settings.json';

async function writeSettings(dir: string, sandbox: DemoSandbox): Promise<string> {
  const file = path.join(dir, SETTINGS_FILE);
  await writeSettingsFile(file, sandbox.settings);
  return file;
}

function keepInstructions(settingsFile: string, sandbox: DemoSandbox, cliPath: string): string {
  const settings = JSON.stringify(settingsFile);
  return [
    note(`sandbox left running at ${sandbox.origin}`),
    note(`settings file (mode 0600): ${settingsFile}`),
    note(`connections: ${Object.keys(sandbox.settings.connections).join(', ')}`),
    note('try, in another terminal:'),
    note(`  ${cliPath} exec test --settings ${settings} --connection us`),
    note(`  ${cliPath} exec actions.search_inbox_tasks --settings ${settings} --connection us`),
    note(`  ${cliPath} exec triggers.new_inbox_task --settings ${settings} --connection us`),
    note(`  ${cliPath} exec pick_lists.currencies --settings ${settings} --connection emea`),
    note(`  ${cliPath} doctor --settings ${settings} --all`),
    note('press Ctrl-C to stop the sandbox'),
  ].join('');
}

/**
 * Runs the `npm start` demo: starts the sandbox, writes a temporary settings file (mode 0600),
 * runs each step through the same code paths a recipe and the CLI use, and stops at the first
 * step whose result is not what it shows, naming it.
 *
 * @returns The exit code: 0 when every step passed; otherwise the failing error's exit code
 *   (never 0).
 */
export async function runDemo(options: RunDemoOptions): Promise<number> {
  const write = (text: string) => options.write(options.redactor.redact(text));
  const now = options.now ?? Date.now;
  const started = now();
  const steps = options.steps ?? DEMO_STEPS;
  const total = steps.length + 1;
  const sandbox = await options.startSandbox();
  for (const connection of Object.values(sandbox.settings.connections))
    registerConnectionSecrets(options.redactor, connection, options.definition.connection.fields);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'workday-connector-demo-'));
  let sessions: ReturnType<typeof createDemoSessions> | undefined;
  let stopped = false;
  try {
    const settingsFile = await writeSettings(dir, sandbox);
    const store = await loadSettings(settingsFile);
    sessions = createDemoSessions(
      options.definition,
      store,
      options.createSession,
      options.redactor,
    );
    const context: DemoContext = {
      write,
      sandbox,
      session: sessions.get,
      doctor: (name) =>
        diagnoseConnection({
          definition: options.definition,
          store,
          name,
          redactor: options.redactor,
        }),
    };
    write(`Workday connector demo against the embedded sandbox at ${sandbox.origin}\n`);
    write(note(`temporary settings file (mode 0600): ${settingsFile}`));
    for (const [index, step] of steps.entries()) {
      write(heading(index + 1, total, step.title));
      try {
        await step.run(context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = (error as { code?: unknown }).code;
        write(
          `  ✗ step ${index + 1} (${step.title}) FAILED: ${typeof code === 'string' ? `[${code}] ` : ''}${message}\n`,
        );
        return Math.max(1, exitCodeFor(error));
      }
    }
    if (options.keep) {
      write(heading(total, total, 'Sandbox kept running (--keep)'));
      write(keepInstructions(settingsFile, sandbox, CLI_COMMAND));
      sessions.closeAll();
      await options.waitForStop();
      write(note('stopping the sandbox'));
    } else {
      write(heading(total, total, 'Stop'));
    }
    sessions.closeAll();
    stopped = true;
    await sandbox.close();
    write(passLine('sandbox stopped'));
    write(`\ndemo ok: ${total} steps passed in ${((now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    sessions?.closeAll();
    if (!stopped) await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}
