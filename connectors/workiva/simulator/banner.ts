/** The banner of `connector sandbox --connector workiva`: where each region listens. */
import type { WorkivaSimulatorHandle } from './index';

/** Regions and connection names, never a client secret. */
export function renderWorkivaBanner(
  simulator: WorkivaSimulatorHandle,
  settingsFile: string | undefined,
): string {
  return [
    'Workiva simulator',
    `  us  ${simulator.us.origin}   (token: /oauth2/token, /iam/v1/oauth2/token)`,
    `  eu  ${simulator.eu.origin}`,
    '',
    'Connections:',
    ...Object.entries(simulator.settings.connections).map(
      ([name, c]) => `  ${name.padEnd(18)} ${String(c.client_id).padEnd(20)} ${c.base_url}`,
    ),
    '',
    settingsFile === undefined
      ? 'Client secrets were generated for this run; pass --write-settings FILE to save them.'
      : `Client secrets were written to ${settingsFile} (mode 0600).`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
