/**
 * `connector sandbox --connector ukg-pro`: runs the simulator in the foreground, prints where
 * each environment listens and the connections, optionally writes the settings file (mode
 * 0600: it holds passwords, keys and secrets), and stops on SIGINT/SIGTERM.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { startUkgSimulator } from './index';
import type { UkgSimulatorHandle } from './index';

/** Options of {@link runUkgSimulator}. */
export interface RunUkgSimulatorOptions {
  /** Only 0 (free ports) is honoured: the simulator needs one port per environment. */
  port?: number;
  writeSettings?: string;
  /** A fault spec as JSON (`{"rules":[...]}`), applied to the production environment. */
  faults?: string;
  stdout?: { write(text: string): unknown };
  signal?: AbortSignal;
  onReady?: (simulator: UkgSimulatorHandle) => void;
}

export async function writeSettings(file: string, settings: object): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

export async function runUkgSimulator(options: RunUkgSimulatorOptions = {}): Promise<void> {
  const simulator = await startUkgSimulator();
  try {
    if (options.faults !== undefined)
      simulator.production.setFaults(JSON.parse(options.faults) as never);
    if (options.writeSettings !== undefined)
      await writeSettings(options.writeSettings, simulator.settings);
    const lines = [
      'UKG Pro simulator',
      `  production  ${simulator.production.origin}`,
      `  test        ${simulator.test.origin}`,
      '',
      'Connections:',
      ...Object.entries(simulator.settings.connections).map(
        ([name, c]) => `  ${name.padEnd(30)} ${String(c.auth_type).padEnd(20)} ${c.base_url}`,
      ),
      '',
      options.writeSettings === undefined
        ? 'Passwords, keys and secrets were generated for this run; pass --write-settings FILE to save them.'
        : `Passwords, keys and secrets were written to ${options.writeSettings} (mode 0600).`,
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
