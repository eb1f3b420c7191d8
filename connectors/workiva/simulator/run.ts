/**
 * `connector sandbox --connector workiva`: runs the simulator in the foreground, prints where
 * each region listens and the connections, optionally writes the settings file (mode 0600:
 * it holds client secrets), and stops on SIGINT/SIGTERM.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { startWorkivaSimulator } from './index';
import type { WorkivaSimulatorHandle } from './index';

export interface RunWorkivaSimulatorOptions {
  writeSettings?: string;
  /** A fault spec as JSON (`{"rules":[...]}`), applied to the US region. */
  faults?: string;
  stdout?: { write(text: string): unknown };
  signal?: AbortSignal;
  onReady?: (simulator: WorkivaSimulatorHandle) => void;
}

export async function runWorkivaSimulator(options: RunWorkivaSimulatorOptions = {}): Promise<void> {
  const simulator = await startWorkivaSimulator();
  try {
    if (options.faults !== undefined) simulator.us.setFaults(JSON.parse(options.faults) as never);
    if (options.writeSettings !== undefined) {
      await mkdir(path.dirname(options.writeSettings), { recursive: true });
      await writeFile(options.writeSettings, `${JSON.stringify(simulator.settings, null, 2)}\n`, {
        mode: 0o600,
      });
      await chmod(options.writeSettings, 0o600);
    }
    const lines = [
      'Workiva simulator',
      `  us  ${simulator.us.origin}   (token: /oauth2/token, /iam/v1/oauth2/token)`,
      `  eu  ${simulator.eu.origin}`,
      '',
      'Connections:',
      ...Object.entries(simulator.settings.connections).map(
        ([name, c]) => `  ${name.padEnd(18)} ${String(c.client_id).padEnd(20)} ${c.base_url}`,
      ),
      '',
      options.writeSettings === undefined
        ? 'Client secrets were generated for this run; pass --write-settings FILE to save them.'
        : `Client secrets were written to ${options.writeSettings} (mode 0600).`,
      'Press Ctrl+C to stop.',
      '',
    ];
    (options.stdout ?? process.stdout).write(lines.join('\n'));
    options.onReady?.(simulator);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        options.signal?.removeEventListener('abort', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      if (options.signal?.aborted === true) stop();
      else options.signal?.addEventListener('abort', stop);
    });
  } finally {
    await simulator.close();
  }
}
