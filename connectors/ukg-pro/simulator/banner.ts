/** The banner of `connector sandbox --connector ukg-pro`: where each environment listens. */
import type { UkgSimulatorHandle } from './index';

/** Environments and connection names, never a password, key or secret. */
export function renderUkgBanner(
  simulator: UkgSimulatorHandle,
  settingsFile: string | undefined,
): string {
  return [
    'UKG Pro simulator',
    `  production  ${simulator.production.origin}`,
    `  test        ${simulator.test.origin}`,
    '',
    'Connections:',
    ...Object.entries(simulator.settings.connections).map(
      ([name, c]) => `  ${name.padEnd(30)} ${String(c.auth_type).padEnd(20)} ${c.base_url}`,
    ),
    '',
    settingsFile === undefined
      ? 'Passwords, keys and secrets were generated for this run; pass --write-settings FILE to save them.'
      : `Passwords, keys and secrets were written to ${settingsFile} (mode 0600).`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
