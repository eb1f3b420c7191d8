/**
 * `connector sandbox --connector infor-ion`: the ION simulator in the foreground, with a banner
 * of URLs and connection names (never secrets), until SIGINT/SIGTERM.
 */
import { writeFile } from 'node:fs/promises';
import { startIonSimulator } from './index';
import type { IonFaults } from './app';

/** Options of the foreground run. */
export interface IonSimulatorCommandOptions {
  port: number;
  writeSettings?: string;
  /** JSON of {@link IonFaults}. */
  faults?: string;
  stdout?: { write(text: string): unknown };
  signal?: AbortSignal;
}

/** Parses `--faults` JSON into {@link IonFaults}; throws a plain error naming what is wrong. */
export function parseIonFaults(text: string): IonFaults {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw Object.assign(new Error('--faults must be JSON, e.g. {"latencyMs":100}'), {
      name: 'FaultSpecError',
      problem: 'not JSON',
    });
  }
  const known = ['latencyMs', 'rateLimit', 'loseAnswer'];
  const unknown = Object.keys((parsed ?? {}) as object).filter((k) => !known.includes(k));
  if (typeof parsed !== 'object' || parsed === null || unknown.length > 0)
    throw Object.assign(
      new Error(`unknown fault keys: ${unknown.join(', ')}; known: ${known.join(', ')}`),
      {
        name: 'FaultSpecError',
        problem: `unknown keys ${unknown.join(', ')} (known: ${known.join(', ')})`,
      },
    );
  return parsed as IonFaults;
}

/** Runs until stopped; resolves once closed. */
export async function runIonSimulatorCommand(options: IonSimulatorCommandOptions): Promise<void> {
  const faults = options.faults === undefined ? undefined : parseIonFaults(options.faults);
  const simulator = await startIonSimulator({ port: options.port });
  if (faults !== undefined) simulator.setFaults(faults);
  const out = options.stdout ?? process.stdout;
  if (options.writeSettings !== undefined)
    await writeFile(options.writeSettings, `${JSON.stringify(simulator.settings, null, 2)}\n`, {
      mode: 0o600,
    });
  const lines = [`Infor ION simulator listening on ${simulator.origin}`, ''];
  for (const tenant of ['ACME_TST', 'ACME_PRD'])
    lines.push(
      `Tenant ${tenant}`,
      `  token     ${simulator.origin}/${tenant}/as/token.oauth2`,
      `  revoke    ${simulator.origin}/${tenant}/as/revoke_token.oauth2`,
      `  gateway   ${simulator.origin}/${tenant}/M3/m3api-rest/v2/execute/{program}/{transaction}`,
    );
  lines.push(
    '',
    'Connections:',
    ...Object.keys(simulator.settings.connections).map((n) => `  ${n}`),
    '',
  );
  lines.push(
    options.writeSettings === undefined
      ? 'Keys and secrets were generated for this run; pass --write-settings FILE to save them.'
      : `Keys and secrets were written to ${options.writeSettings} (mode 0600).`,
    'Press Ctrl+C to stop.',
    '',
  );
  out.write(lines.join('\n'));
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    options.signal?.addEventListener('abort', stop);
  });
  await simulator.close();
}
