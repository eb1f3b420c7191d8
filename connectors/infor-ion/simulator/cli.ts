/**
 * What `connector sandbox --connector infor-ion` needs of the ION simulator besides starting it:
 * the check of a `--faults` spec and the banner (URLs and connection names, never secrets). The
 * CLI's foreground runner does the rest.
 */
import type { IonSimulatorHandle } from './index';
import type { IonFaults } from './app';

const FAULT_KEYS = ['latencyMs', 'rateLimit', 'loseAnswer'];

/** Checks parsed `--faults` JSON as {@link IonFaults}; throws a plain error naming what is wrong. */
export function assertIonFaults(value: unknown): IonFaults {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const unknown = isObject ? Object.keys(value).filter((k) => !FAULT_KEYS.includes(k)) : [];
  if (!isObject || unknown.length > 0) {
    const problem = isObject
      ? `unknown keys ${unknown.join(', ')} (known: ${FAULT_KEYS.join(', ')})`
      : `not an object (known keys: ${FAULT_KEYS.join(', ')})`;
    throw Object.assign(new Error(`--faults: ${problem}`), { name: 'FaultSpecError', problem });
  }
  return value as IonFaults;
}

/** The banner of a foreground run. */
export function renderIonBanner(
  simulator: IonSimulatorHandle,
  settingsFile: string | undefined,
): string {
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
    settingsFile === undefined
      ? 'Keys and secrets were generated for this run; pass --write-settings FILE to save them.'
      : `Keys and secrets were written to ${settingsFile} (mode 0600).`,
    'Press Ctrl+C to stop.',
    '',
  );
  return lines.join('\n');
}
